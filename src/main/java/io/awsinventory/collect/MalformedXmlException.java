package io.awsinventory.collect;

/** An answer whose XML is not well formed, or holds what answers do not. */
final class MalformedXmlException extends RuntimeException {
  MalformedXmlException(String message) {
    super(message);
  }
}
