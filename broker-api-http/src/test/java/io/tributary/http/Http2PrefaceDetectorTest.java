package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-bytes choice between HTTP/1.1 and HTTP/2, on an EmbeddedChannel. */
class Http2PrefaceDetectorTest {
  private static final String PREFACE = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n";

  /** Records the stack chosen and every byte that reaches it. */
  private static final class RecordingStacks implements ProtocolStacks {
    final List<String> chosen = new ArrayList<>();
    final StringBuilder received = new StringBuilder();

    @Override
    public void addHttp1(ChannelPipeline pipeline) {
      chosen.add("http/1.1");
      pipeline.addLast(new Sink());
    }

    @Override
    public void addHttp2(ChannelPipeline pipeline) {
      chosen.add("h2");
      pipeline.addLast(new Sink());
    }

    private final class Sink extends ChannelInboundHandlerAdapter {
      @Override
      public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf bytes = (ByteBuf) msg;
        received.append(bytes.toString(StandardCharsets.US_ASCII));
        bytes.release();
      }
    }
  }

  private final RecordingStacks stacks = new RecordingStacks();
  private final EmbeddedChannel channel = new EmbeddedChannel(new Http2PrefaceDetector(stacks));

  @AfterEach
  void close() {
    channel.finishAndReleaseAll();
  }

  private void send(String ascii) {
    channel.writeInbound(Unpooled.copiedBuffer(ascii, StandardCharsets.US_ASCII));
  }

  @Test
  void fullPrefaceChoosesHttp2AndHandsItOnUnconsumed() {
    send(PREFACE + "\0\0\0\4");
    assertEquals(List.of("h2"), stacks.chosen);
    assertEquals(PREFACE + "\0\0\0\4", stacks.received.toString());
    assertNull(channel.pipeline().get(Http2PrefaceDetector.class));
  }

  @Test
  void prefaceSplitAcrossReadsWaitsForItsLastByte() {
    send("PRI * HTTP/2.0\r\n");
    send("\r\nSM\r\n\r");
    assertEquals(List.of(), stacks.chosen);
    send("\n");
    assertEquals(List.of("h2"), stacks.chosen);
    assertEquals(PREFACE, stacks.received.toString());
  }

  @Test
  void http1RequestChoosesHttp1AtItsFirstByte() {
    send("POST / HTTP/1.1\r\n");
    assertEquals(List.of("http/1.1"), stacks.chosen);
    assertEquals("POST / HTTP/1.1\r\n", stacks.received.toString());
  }

  @Test
  void requestSharingTheFirstBytesOfThePrefaceChoosesHttp1WhereItDiffers() {
    send("PR");
    assertEquals(List.of(), stacks.chosen);
    send("IX / HTTP/1.1\r\n");
    assertEquals(List.of("http/1.1"), stacks.chosen);
    assertEquals("PRIX / HTTP/1.1\r\n", stacks.received.toString());
  }

  @Test
  void laterBytesGoStraightToTheChosenStack() {
    send("GET / HTTP/1.1\r\n");
    send("Host: x\r\n\r\n");
    assertEquals(List.of("http/1.1"), stacks.chosen);
    assertEquals("GET / HTTP/1.1\r\nHost: x\r\n\r\n", stacks.received.toString());
  }
}
