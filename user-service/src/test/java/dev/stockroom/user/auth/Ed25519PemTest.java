package dev.stockroom.user.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import org.junit.jupiter.api.Test;

class Ed25519PemTest {
  // Written by `openssl genpkey -algorithm ed25519` (RFC 8410 test key, section 10.3).
  private static final String OPENSSL_PRIVATE_KEY =
      """
      -----BEGIN PRIVATE KEY-----
      MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC
      -----END PRIVATE KEY-----
      """;

  // Its public key as RFC 8410 prints it (section 10.1).
  private static final String OPENSSL_PUBLIC_KEY =
      """
      -----BEGIN PUBLIC KEY-----
      MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=
      -----END PUBLIC KEY-----
      """;

  @Test
  void derivesThePublicKeyFromAnOpensslPrivateKey() {
    KeyPair pair = Ed25519Pem.parse(OPENSSL_PRIVATE_KEY, "test");
    KeyPair publicOnly = Ed25519Pem.parse(OPENSSL_PUBLIC_KEY, "test");

    assertThat(pair.getPublic().getEncoded()).isEqualTo(publicOnly.getPublic().getEncoded());
    assertThat(publicOnly.getPrivate()).isNull();
  }

  @Test
  void roundTripsAGeneratedKeyAndTheDerivedHalfVerifiesItsSignatures() throws Exception {
    KeyPair generated = Ed25519Pem.generate();
    KeyPair read = Ed25519Pem.parse(Ed25519Pem.privateKeyPem(generated.getPrivate()), "test");

    Signature signer = Signature.getInstance("Ed25519");
    signer.initSign(generated.getPrivate());
    signer.update("hello".getBytes());
    byte[] signature = signer.sign();
    Signature verifier = Signature.getInstance("Ed25519");
    verifier.initVerify(read.getPublic());
    verifier.update("hello".getBytes());

    assertThat(verifier.verify(signature)).isTrue();
    assertThat(read.getPublic().getEncoded()).isEqualTo(generated.getPublic().getEncoded());
  }

  @Test
  void rejectsTextThatIsNotAnEd25519Key() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    String rsaPem =
        "-----BEGIN PRIVATE KEY-----\n"
            + java.util.Base64.getMimeEncoder()
                .encodeToString(rsa.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> Ed25519Pem.parse("not a key", "x.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("x.pem");
    assertThatThrownBy(() -> Ed25519Pem.parse(rsaPem, "rsa.pem"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an Ed25519 key");
  }
}
