package io.vecnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * UTF-8 text from a stream, decoded strictly: every character before the first byte that is not
 * UTF-8, then an {@link InvalidByteException} giving that byte and its offset. (An
 * {@link java.io.InputStreamReader} says neither, and drops the characters it decoded before the
 * byte in the same read.)
 */
final class Utf8Input extends Reader {
    /** A byte that does not belong in UTF-8 text: the first of a malformed or truncated sequence. */
    static final class InvalidByteException extends IOException {
        private static final long serialVersionUID = 1L;

        private final long offset;
        private final int value;

        InvalidByteException(long offset, int value) {
            super(String.format(Locale.ROOT, "byte 0x%02X at offset %d is not UTF-8", value, offset));
            this.offset = offset;
            this.value = value;
        }

        /** Where the byte is, counted in bytes from the start of the stream. */
        long offset() {
            return offset;
        }

        /** The byte, 0 to 255. */
        int value() {
            return value;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    /** The stream offset of the buffer's first byte. */
    private long bufferOffset;
    private boolean ended;
    private InvalidByteException invalid;

    Utf8Input(InputStream in) {
        this.in = in;
    }

    /** Reads at least two characters' room at a time, so that a pair of surrogates always fits. */
    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length < 2) {
            throw new IllegalArgumentException("room for at least 2 characters is needed, got " + length);
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (invalid == null && out.position() == offset) {
            CoderResult result = decoder.decode(bytes, out, ended);
            if (result.isError()) {
                invalid = new InvalidByteException(bufferOffset + bytes.position(), bytes.get(bytes.position()) & 0xFF);
            } else if (result.isUnderflow()) {
                if (ended) {
                    return -1;
                }
                refill();
            }
        }
        if (out.position() > offset) {
            return out.position() - offset;
        }
        throw invalid;
    }

    private void refill() throws IOException {
        bufferOffset += bytes.position();
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            ended = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
