package org.hotline.directory;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The PDF attached to a resource of the library, kept in PostgreSQL; read only to be downloaded. */
@Entity
@Table(name = "resource_file")
public class ResourceFile {

    public static final String PDF = "application/pdf";

    @Id
    @Column(name = "resource_id")
    private UUID resourceId;

    @Column(name = "file_name", nullable = false, columnDefinition = "text")
    private String fileName;

    @Column(name = "content_type", nullable = false, columnDefinition = "text")
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, columnDefinition = "text")
    private String sha256;

    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, columnDefinition = "bytea")
    private byte[] content;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    protected ResourceFile() {
    }

    public ResourceFile(UUID resourceId) {
        this.resourceId = resourceId;
    }

    /** Replaces the file; the bytes must already be checked to be a PDF within the size limit. */
    public void replace(String fileName, byte[] content, String sha256, Instant now) {
        this.fileName = fileName;
        this.contentType = PDF;
        this.sizeBytes = content.length;
        this.sha256 = sha256;
        this.content = content.clone();
        this.uploadedAt = now;
    }

    public UUID resourceId() {
        return resourceId;
    }

    public String fileName() {
        return fileName;
    }

    public String contentType() {
        return contentType;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    public String sha256() {
        return sha256;
    }

    public byte[] content() {
        return content.clone();
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }
}
