package com.coditect.workflows.domain;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;

/**
 * A mergeable distribution of durations in milliseconds: an HdrHistogram at two significant digits
 * (every percentile within 1% of the value recorded), growing its range as values come. A day's
 * sketch is stored compressed; a period's is the sum of its days', which is exact for histograms
 * of the same precision, so merging days loses nothing.
 */
public final class Sketch {

  private static final int SIGNIFICANT_DIGITS = 2;

  private final Histogram histogram;

  private Sketch(Histogram histogram) {
    this.histogram = histogram;
  }

  public static Sketch empty() {
    Histogram histogram = new Histogram(SIGNIFICANT_DIGITS);
    histogram.setAutoResize(true);
    return new Sketch(histogram);
  }

  /** The sketch stored as {@code bytes} (null: an empty one). */
  public static Sketch of(@Nullable SdkBytes bytes) {
    if (bytes == null) {
      return empty();
    }
    try {
      Histogram histogram = Histogram.decodeFromCompressedByteBuffer(bytes.asByteBuffer(), 0);
      histogram.setAutoResize(true);
      return new Sketch(histogram);
    } catch (DataFormatException e) {
      throw new IllegalStateException("a stored sketch does not decode", e);
    }
  }

  /** Adds one value; a negative one (clocks that disagree) counts as 0. */
  public Sketch record(long millis) {
    histogram.recordValue(Math.max(0, millis));
    return this;
  }

  /** Adds every value of {@code other}. */
  public Sketch merge(Sketch other) {
    histogram.add(other.histogram);
    return this;
  }

  public long count() {
    return histogram.getTotalCount();
  }

  /** The value at {@code percentile} (0-100); null when nothing was recorded. */
  public @Nullable Long percentile(double percentile) {
    return count() == 0 ? null : histogram.getValueAtPercentile(percentile);
  }

  public long max() {
    return histogram.getMaxValue();
  }

  /** The compressed bytes stored in an aggregate. */
  public SdkBytes toBytes() {
    ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
    int length = histogram.encodeIntoCompressedByteBuffer(buffer);
    return SdkBytes.fromByteArray(java.util.Arrays.copyOf(buffer.array(), length));
  }
}
