package com.coditect.contacts.data;

import com.coditect.shared.error.BadGatewayException;
import dagger.Lazy;
import java.util.Map;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;

/**
 * SES (v2 {@code SendEmail}, from the stack's verified sender) and SNS ({@code Publish} to a phone
 * number, as a transactional SMS, which carriers deliver before promotional ones). A refusal is a
 * 502: the code is stored, and the caller may ask for a new one once the send limit allows.
 */
@Singleton
public final class AwsVerificationMessages implements VerificationMessages {

  // Built on the first code sent, not at init: most requests send none, and a cold start (or the
  // SnapStart snapshot) need not pay for two more clients.
  private final Lazy<SesV2Client> ses;
  private final Lazy<SnsClient> sns;
  private final String from;

  @Inject
  AwsVerificationMessages(Lazy<SesV2Client> ses, Lazy<SnsClient> sns, @Named("verificationEmailFrom") String from) {
    this.ses = ses;
    this.sns = sns;
    this.from = from;
  }

  @Override
  public void sendEmail(String to, String subject, String text) {
    try {
      ses.get().sendEmail(r -> r.fromEmailAddress(from).destination(d -> d.toAddresses(to))
          .content(c -> c.simple(m -> m.subject(s -> s.data(subject).charset("UTF-8"))
              .body(b -> b.text(t -> t.data(text).charset("UTF-8"))))));
    } catch (SdkException e) {
      throw new BadGatewayException("The e-mail with the code could not be sent; try again later.");
    }
  }

  @Override
  public void sendSms(String e164, String text) {
    try {
      sns.get().publish(r -> r.phoneNumber(e164).message(text).messageAttributes(Map.of("AWS.SNS.SMS.SMSType",
          MessageAttributeValue.builder().dataType("String").stringValue("Transactional").build())));
    } catch (SdkException e) {
      throw new BadGatewayException("The SMS with the code could not be sent; try again later.");
    }
  }
}
