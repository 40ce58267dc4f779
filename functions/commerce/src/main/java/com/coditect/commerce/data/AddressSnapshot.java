package com.coditect.commerce.data;

/** An address as it was when an order was placed: later changes of the address leave the order as it was. */
public record AddressSnapshot(String addressId, String fullName, String companyName, String addressLine1,
    String addressLine2, String city, String state, String postalCode, String countryCode, String phone) {}
