package com.coditect.dms.api;

/**
 * What anyone holding a link's token may see of it: the document's title and file, whether a
 * password is needed, until when the link works and what it allows ({@code view}: this only;
 * {@code download}: also the file).
 */
public record PublicShareResponse(String title, String fileName, Long fileSizeBytes, String mimeType,
    boolean needsPassword, String expiresAt, String permissionLevel) {}
