package io.opencommerce.it.bridge;

import io.opencommerce.kit.events.Received;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The probe service's consumer: counts every call and every successful effect per probe. */
@ApplicationScoped
public class BridgeProbeHandler {
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> effects = new ConcurrentHashMap<>();
  private volatile boolean broken = true;

  void on(@Observes @Received BridgeProbeOccurred event) {
    calls.computeIfAbsent(event.probeId(), id -> new AtomicInteger()).incrementAndGet();
    if ("fail".equals(event.mode()) || ("fail-while-broken".equals(event.mode()) && broken)) {
      throw new IllegalStateException("probe " + event.probeId() + " asked to fail");
    }
    effects.computeIfAbsent(event.probeId(), id -> new AtomicInteger()).incrementAndGet();
  }

  public int calls(String probeId) {
    return calls.getOrDefault(probeId, new AtomicInteger()).get();
  }

  public int effects(String probeId) {
    return effects.getOrDefault(probeId, new AtomicInteger()).get();
  }

  public void repair() {
    broken = false;
  }
}
