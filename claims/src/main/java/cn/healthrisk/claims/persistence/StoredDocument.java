package cn.healthrisk.claims.persistence;

/** A claim document as stored: its name in the claim, content hash and size. */
public record StoredDocument(String fileName, String contentHash, long sizeBytes) {}
