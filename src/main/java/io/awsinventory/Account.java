package io.awsinventory;

/** An AWS account to collect; the name is known when the account came from Organizations. */
public record Account(String id, String name) {}
