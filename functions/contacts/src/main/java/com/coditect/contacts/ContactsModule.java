package com.coditect.contacts;

import com.coditect.contacts.data.AmazonLocationGeocoder;
import com.coditect.contacts.data.AwsVerificationMessages;
import com.coditect.contacts.data.Geocoder;
import com.coditect.contacts.data.VerificationMessages;
import com.coditect.shared.di.AwsClientSettings;
import com.coditect.shared.di.AwsClientsModule;
import com.coditect.shared.events.EventSource;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.services.geoplaces.GeoPlacesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * What is particular to the contacts function's wiring: its event source, the SES and SNS clients
 * the codes go through, and the geocoder (Amazon Location Service, or off).
 */
@Module(includes = AwsClientsModule.class)
public final class ContactsModule {

  private ContactsModule() {}

  @Provides
  static EventSource eventSource() {
    return EventSource.domain("contacts");
  }

  @Provides
  @Singleton
  static SesV2Client ses(AwsClientSettings settings) {
    return settings.applyTo(SesV2Client.builder()).build();
  }

  @Provides
  @Singleton
  static SnsClient sns(AwsClientSettings settings) {
    return settings.applyTo(SnsClient.builder()).build();
  }

  @Provides
  @Singleton
  static GeoPlacesClient places(AwsClientSettings settings) {
    return settings.applyTo(GeoPlacesClient.builder()).build();
  }

  @Provides
  @Named("verificationEmailFrom")
  static String verificationEmailFrom(ContactsConfig config) {
    return config.verificationEmailFrom();
  }

  @Provides
  static VerificationMessages messages(AwsVerificationMessages aws) {
    return aws;
  }

  /** The Places client is built only when geocoding is on. */
  @Provides
  @Singleton
  static Geocoder geocoder(ContactsConfig config, Lazy<AmazonLocationGeocoder> amazonLocation) {
    return config.geocoding() ? amazonLocation.get() : Geocoder.OFF;
  }
}
