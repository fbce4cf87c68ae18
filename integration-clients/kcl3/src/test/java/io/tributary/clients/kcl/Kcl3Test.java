package io.tributary.clients.kcl;

/** {@link KclScenarios} with the Kinesis Client Library 3.x. */
class Kcl3Test extends KclScenarios {

  @Override
  KclVersion version() {
    return new Kcl3();
  }
}
