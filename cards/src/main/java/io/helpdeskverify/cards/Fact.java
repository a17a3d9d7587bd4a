package io.helpdeskverify.cards;

/** A labelled raw value ("Customer" → "Acme (acme)"); each renderer escapes the value itself. */
record Fact(String label, String value) {}
