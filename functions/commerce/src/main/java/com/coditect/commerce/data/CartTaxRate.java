package com.coditect.commerce.data;

/** A tax rate as a cart applies it: which rate, its exact percentage text, and whether prices include it. */
public record CartTaxRate(String taxRateId, String displayName, String percentage, boolean inclusive) {}
