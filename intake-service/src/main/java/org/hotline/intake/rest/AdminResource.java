package org.hotline.intake.rest;

import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.hotline.intake.service.EncryptionStatusReport;
import org.hotline.intake.service.KeyRotation;
import org.hotline.intake.service.RetentionPurge;
import org.hotline.platform.security.Roles;

/** Operations on intake's protection of personal data: key rotation and the retention purge, run now. */
@RolesAllowed(Roles.ADMIN)
@Path("/api/v1/admin")
@Tag(name = "Administration", description = "Encryption keys and retention")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final EncryptionStatusReport keysInUse;
    private final KeyRotation rotation;
    private final RetentionPurge purge;

    public AdminResource(EncryptionStatusReport keysInUse, KeyRotation rotation, RetentionPurge purge) {
        this.keysInUse = keysInUse;
        this.rotation = rotation;
        this.purge = purge;
    }

    @GET
    @Path("/encryption")
    @Operation(summary = "The current key-encryption key, how many data keys each key wraps and how many follow-up "
            + "codes are hashed under each", description = "An old key can be removed from the configuration once it "
            + "wraps no data key and hashes no follow-up code (codes are re-hashed under the current key when their "
            + "reporter next uses them; bcrypt counts codes from before keyed hashes).")
    public EncryptionStatus encryption() {
        return EncryptionStatus.of(keysInUse.current(), 0);
    }

    @POST
    @Path("/encryption/rotation")
    @Operation(summary = "Re-wrap every data key under an older key-encryption key now",
            description = "The background rotation does the same every hotline.intake.encryption.rotation-interval.")
    public EncryptionStatus rotate() {
        int rewrapped = rotation.rotate();
        return EncryptionStatus.of(keysInUse.current(), rewrapped);
    }

    @POST
    @Path("/retention/purge")
    @Operation(summary = "Shred the personal data of contacts past their retention period now")
    public PurgeResult purge() {
        return new PurgeResult(purge.purge());
    }

    /** Key-encryption keys in use. */
    public record EncryptionStatus(String currentKey, Map<String, Long> dataKeysByKey,
            Map<String, Long> followUpCodesByKey, int rewrapped) {

        static EncryptionStatus of(EncryptionStatusReport.KeysInUse keys, int rewrapped) {
            return new EncryptionStatus(keys.currentKey(), keys.dataKeysByKey(), keys.followUpCodesByKey(), rewrapped);
        }
    }

    /** What a purge did. */
    public record PurgeResult(int purged) {
    }
}
