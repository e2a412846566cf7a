package org.rendezvous.core.practitioner;

import java.util.Arrays;
import java.util.Objects;

/**
 * A logo or a signature printed on invoices (INV-1): a JPEG or a PNG of at most {@value #MAX_BYTES}
 * bytes (512 KiB). As for {@link ProfilePhoto}, the kind is read from the file's first bytes, never from
 * its name or declared content type.
 */
public final class InvoiceImage {

    public static final int MAX_BYTES = 512 * 1024;

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};

    private final byte[] bytes;
    private final String mediaType;

    private InvoiceImage(byte[] bytes, String mediaType) {
        this.bytes = bytes;
        this.mediaType = mediaType;
    }

    /** The image these bytes make; refused, naming {@code field} ("logo", "signature"), if not a JPEG or PNG or too big. */
    public static InvoiceImage of(String field, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException(field + ": required, the body was empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException(field + ": at most 512 KB (" + MAX_BYTES + " bytes), this one has "
                    + bytes.length);
        }
        String type = startsWith(bytes, JPEG_MAGIC) ? ProfilePhoto.JPEG : startsWith(bytes, PNG_MAGIC) ? ProfilePhoto.PNG
                : null;
        if (type == null) {
            throw new IllegalArgumentException(field + ": must be a JPEG or PNG image (checked from the file's content)");
        }
        return new InvoiceImage(bytes.clone(), type);
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public String mediaType() {
        return mediaType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InvoiceImage that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "InvoiceImage[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
