package com.coditect.billing.api;

/** The field limits of a billing address (the spec's CharField sizes); the country check is {@code JsonFields}'. */
public final class BillingAddressFields {

  public static final int NAME_MAX = 255;
  public static final int LINE_MAX = 255;
  public static final int CITY_MAX = 100;
  public static final int STATE_MAX = 100;
  public static final int POSTAL_CODE_MAX = 20;
  public static final int PHONE_MAX = 50;

  private BillingAddressFields() {}
}
