package com.coditect.contacts.data;

/**
 * Sends a verification code to where it proves ownership of: an e-mail through SES, an SMS through
 * SNS ({@link AwsVerificationMessages}). Locally both are moto's, and the local runtime's
 * {@code GET /local/messages} shows what they were given.
 */
public interface VerificationMessages {

  void sendEmail(String to, String subject, String text);

  void sendSms(String e164, String text);
}
