package dev.stockroom.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;

class TraceParentTest {
  static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

  @Test
  void readsAWellFormedHeader() {
    TraceParent parsed = TraceParent.parse(VALID).orElseThrow();

    assertThat(parsed.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(parsed.spanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(parsed.flags()).isEqualTo("01");
    assertThat(parsed.header()).isEqualTo(VALID);
  }

  @Test
  void aLaterVersionMayAddFieldsAndIsReadAsVersion00() {
    assertThat(TraceParent.parse("cc-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-what"))
        .hasValueSatisfying(p -> assertThat(p.header()).isEqualTo(VALID));
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00F067AA0BA902B7-01", // uppercase
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01", // zero trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", // zero span id
        "ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", // forbidden version
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x", // 00 has no more fields
        "00-4bf92f3577b34da6a3ce929d0e0e473-00f067aa0ba902b7-01", // short trace id
        "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7", // no flags
        "<script>alert(1)</script>"
      })
  void refusesAMalformedHeader(String header) {
    assertThat(TraceParent.parse(header)).isEmpty();
  }

  @Test
  void aChildKeepsTheTraceAndGetsItsOwnSpan() {
    TraceParent parent = TraceParent.parse(VALID).orElseThrow();
    TraceParent child = parent.child();

    assertThat(child.traceId()).isEqualTo(parent.traceId());
    assertThat(child.spanId()).isNotEqualTo(parent.spanId()).hasSize(16);
    assertThat(TraceParent.parse(child.header())).contains(child);
  }

  @Test
  void aNewTraceIsWellFormedAndSampled() {
    TraceParent started = TraceParent.newTrace();

    assertThat(TraceParent.parse(started.header())).contains(started);
    assertThat(started.flags()).isEqualTo("01");
    assertThat(TraceParent.newTrace().traceId()).isNotEqualTo(started.traceId());
  }

  @Test
  void aScopeContinuesOrStartsTheTraceInTheMdcAndRestoresWhatWasThere() {
    MDC.put(TraceScope.MDC_TRACE_ID, "outer");
    try (TraceScope scope = TraceScope.continueOrStart(VALID)) {
      assertThat(MDC.get(TraceScope.MDC_TRACE_ID)).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(TraceScope.currentHeader())
          .hasValueSatisfying(
              h ->
                  assertThat(h)
                      .startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                      .isNotEqualTo(VALID));
    }
    assertThat(MDC.get(TraceScope.MDC_TRACE_ID)).isEqualTo("outer");
    assertThat(TraceScope.currentHeader()).isEmpty();
    MDC.clear();

    try (TraceScope scope = TraceScope.continueOrStart("garbage")) {
      assertThat(MDC.get(TraceScope.MDC_TRACE_ID)).hasSize(32);
    }
    assertThat(MDC.get(TraceScope.MDC_TRACE_ID)).isNull();
  }
}
