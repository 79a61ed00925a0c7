package org.hotline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.lang.JoseException;

/**
 * The development token issuer's RSA key pair, kept in a folder: {@code signing-key.jwk} (private, owner-only) and
 * {@code jwks.json}, the public JWK Set the services verify tokens against (the same format an OIDC provider such as
 * Keycloak publishes, so production only changes the location). Created on first use, reused afterwards.
 */
public final class SigningKeys {

    /** The issuer the local run's services expect and its tokens carry. */
    public static final String DEV_ISSUER = "https://hotline.local/dev";

    private final RsaJsonWebKey key;
    private final Path jwks;

    private SigningKeys(RsaJsonWebKey key, Path jwks) {
        this.key = key;
        this.jwks = jwks;
    }

    public static SigningKeys loadOrCreate(Path folder) {
        try {
            Files.createDirectories(folder);
            Path privateKey = folder.resolve("signing-key.jwk");
            Path jwks = folder.resolve("jwks.json");
            RsaJsonWebKey key;
            if (Files.exists(privateKey)) {
                key = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(Files.readString(privateKey));
            } else {
                key = RsaJwkGenerator.generateJwk(2048);
                key.setKeyId("hotline-dev-" + Long.toHexString(System.currentTimeMillis()));
                key.setUse("sig");
                key.setAlgorithm("RS256");
                LocalSecrets.writeOwnerOnly(privateKey, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE));
            }
            writeAtomically(jwks, new JsonWebKeySet(publicOnly(key)).toJson());
            return new SigningKeys(key, jwks);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot create or read the development signing key in " + folder, e);
        }
    }

    RsaJsonWebKey key() {
        return key;
    }

    /** The public JWK Set file. */
    public Path jwks() {
        return jwks;
    }

    /** The value for {@code mp.jwt.verify.publickey.location}. */
    public String jwksLocation() {
        return jwks.toAbsolutePath().toUri().toString();
    }

    public TokenMinter minter() {
        return new TokenMinter(this, DEV_ISSUER);
    }

    private static RsaJsonWebKey publicOnly(RsaJsonWebKey key) throws JoseException {
        RsaJsonWebKey publicKey = (RsaJsonWebKey) PublicJsonWebKey.Factory.newPublicJwk(
                key.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY));
        publicKey.setKeyId(key.getKeyId());
        return publicKey;
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
