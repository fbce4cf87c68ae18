package io.tributary.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestBudgetTest {

  @Test
  void takesWhatFitsAndRefusesWhatDoesNot() {
    RequestBudget budget = new RequestBudget(100);
    assertTrue(budget.tryTake(60));
    assertTrue(budget.tryTake(40));
    assertFalse(budget.tryTake(1));
    assertEquals(100, budget.held());
    budget.give(40);
    assertFalse(budget.tryTake(41));
    assertTrue(budget.tryTake(40));
  }

  @Test
  void anythingFitsWhenNothingIsHeld() {
    RequestBudget budget = new RequestBudget(100);
    assertTrue(budget.tryTake(500));
    assertFalse(budget.tryTake(1), "over the capacity, nothing more fits");
    budget.give(500);
    assertEquals(0, budget.held());
    assertTrue(budget.tryTake(1));
  }

  @Test
  void defaultIsAQuarterOfTheHeapAndAtLeastOneRequest() {
    long quarter = Runtime.getRuntime().maxMemory() / 4;
    assertEquals(quarter, RequestBudget.defaultCapacity(1 << 20));
    assertEquals(Math.max(Integer.MAX_VALUE, quarter), RequestBudget.defaultCapacity(Integer.MAX_VALUE));
    assertThrows(IllegalArgumentException.class, () -> new RequestBudget(0));
  }
}
