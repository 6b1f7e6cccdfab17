package io.awsinventory.collect;

/**
 * An answer that is not the one the call promises: XML that is not well formed, another root or no
 * result element, a member given twice, a value its type cannot hold. The target it came for fails;
 * the message names what is wrong, with at most 80 characters of the offending text.
 */
public final class MalformedAnswerException extends RuntimeException {
  public MalformedAnswerException(String message) {
    super(message);
  }
}
