package com.coditect.dms.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

/** Share-link passwords: Argon2id in PHC form, salted, verified in constant time. */
class SharePasswordsTest {

  @Test
  void aHashMatchesItsPasswordOnly() {
    String hash = SharePasswords.hash("correct horse battery staple");
    assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
    assertTrue(SharePasswords.matches("correct horse battery staple", hash));
    assertFalse(SharePasswords.matches("correct horse battery stapler", hash));
    assertFalse(SharePasswords.matches("", hash));
    assertTrue(SharePasswords.matches("ünïcödé 🔑", SharePasswords.hash("ünïcödé 🔑")));
  }

  @Test
  void everyHashHasItsOwnSalt() {
    assertNotEquals(SharePasswords.hash("same"), SharePasswords.hash("same"));
  }

  /** RFC 9106 section 5.3's Argon2id test vector, through the same Bouncy Castle generator. */
  @Test
  void theGeneratorIsArgon2idAsRfc9106DefinesIt() {
    byte[] password = new byte[32];
    java.util.Arrays.fill(password, (byte) 0x01);
    byte[] salt = new byte[16];
    java.util.Arrays.fill(salt, (byte) 0x02);
    byte[] secret = new byte[8];
    java.util.Arrays.fill(secret, (byte) 0x03);
    byte[] ad = new byte[12];
    java.util.Arrays.fill(ad, (byte) 0x04);
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(32).withIterations(3).withParallelism(4).withSalt(salt).withSecret(secret)
        .withAdditional(ad).build());
    byte[] tag = new byte[32];
    generator.generateBytes(password, tag);
    assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HexFormat.of().formatHex(tag));
  }

  @Test
  void aHashOfAnotherKindIsRefused() {
    assertThrows(IllegalStateException.class, () -> SharePasswords.matches("x", "$2a$10$abcdefghijklmnopqrstuv"));
  }
}
