package org.rendezvous.core.practitioner;

import java.util.Arrays;
import java.util.Objects;

/**
 * A practitioner's photo (ACC-4): a JPEG or a PNG of at most {@value #MAX_BYTES} bytes (2 MiB). The kind
 * is read from the file's first bytes, never from its name or the content type a browser declared, so a
 * file renamed to {@code .jpg} is what its bytes say it is and anything else is refused.
 */
public final class ProfilePhoto {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final String JPEG = "image/jpeg";
    public static final String PNG = "image/png";

    private static final byte[] JPEG_MAGIC = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};

    private final byte[] bytes;
    private final String mediaType;

    private ProfilePhoto(byte[] bytes, String mediaType) {
        this.bytes = bytes;
        this.mediaType = mediaType;
    }

    /** The photo these bytes make; refused, naming the field {@code photo}, if they are not a JPEG or PNG or too big. */
    public static ProfilePhoto of(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new IllegalArgumentException("photo: required, the body was empty");
        }
        if (bytes.length > MAX_BYTES) {
            throw new IllegalArgumentException("photo: at most 2 MB (" + MAX_BYTES + " bytes), this one has "
                    + bytes.length);
        }
        String type = startsWith(bytes, JPEG_MAGIC) ? JPEG : startsWith(bytes, PNG_MAGIC) ? PNG : null;
        if (type == null) {
            throw new IllegalArgumentException("photo: must be a JPEG or PNG image (checked from the file's content)");
        }
        return new ProfilePhoto(bytes.clone(), type);
    }

    /** A photo read back from a store, which saved only what {@link #of} accepted. */
    public static ProfilePhoto stored(byte[] bytes, String mediaType) {
        ProfilePhoto photo = of(bytes);
        if (!photo.mediaType.equals(mediaType)) {
            throw new IllegalStateException("stored photo says " + mediaType + " but its bytes are " + photo.mediaType);
        }
        return photo;
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        return bytes.length >= magic.length && Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    /** {@value #JPEG} or {@value #PNG}. */
    public String mediaType() {
        return mediaType;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProfilePhoto that && mediaType.equals(that.mediaType) && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mediaType, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "ProfilePhoto[" + mediaType + ", " + bytes.length + " bytes]";
    }
}
