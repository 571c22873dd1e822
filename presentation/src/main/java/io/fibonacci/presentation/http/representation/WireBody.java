package io.fibonacci.presentation.http.representation;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * A response body as the buffers it is written from, in order: small framing bytes and views of
 * shared cached buffers. Its length is known without building it (HEAD, 304), and building it
 * copies none of the shared buffers.
 */
public final class WireBody {

  private final List<ByteBuffer> parts;
  private final long length;

  WireBody(List<ByteBuffer> parts) {
    this.parts = List.copyOf(parts);
    long total = 0;
    for (ByteBuffer part : this.parts) {
      total += part.remaining();
    }
    this.length = total;
  }

  static WireBody identity(BodyParts parts) {
    return new WireBody(
        List.of(ByteBuffer.wrap(parts.prefix()), parts.digits(), ByteBuffer.wrap(parts.suffix())));
  }

  public long length() {
    return length;
  }

  /**
   * The body as one Netty buffer, released by whoever writes it. Shared direct parts are wrapped,
   * not copied, and the small framing parts between them are put together in one direct buffer: a
   * socket writes a buffer made only of direct parts as it is, but copies a heap or mixed one whole
   * into native memory first. A body with no direct part (a small value) is one direct buffer.
   */
  public ByteBuf toByteBuf() {
    List<ByteBuf> buffers = new ArrayList<>(3);
    int i = 0;
    while (i < parts.size()) {
      ByteBuffer part = parts.get(i);
      if (part.isDirect()) {
        buffers.add(Unpooled.wrappedBuffer(part.duplicate()));
        i++;
        continue;
      }
      int end = i;
      int size = 0;
      while (end < parts.size() && !parts.get(end).isDirect()) {
        size += parts.get(end).remaining();
        end++;
      }
      ByteBuf framing = ByteBufAllocator.DEFAULT.directBuffer(size);
      for (; i < end; i++) {
        framing.writeBytes(parts.get(i).duplicate());
      }
      buffers.add(framing);
    }
    return buffers.size() == 1
        ? buffers.get(0)
        : Unpooled.wrappedBuffer(buffers.size(), buffers.toArray(ByteBuf[]::new));
  }

  /** The bytes from {@code first} to {@code last}, both included. */
  public ByteBuf slice(long first, long last) {
    return toByteBuf().slice((int) first, (int) (last - first + 1));
  }
}
