package io.awsinventory.collect;

import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;

/**
 * The pages of a paginated call, guarded against a server that never ends them: a page token seen
 * before, or more pages than any real account has, ends the listing with {@link LoopException}
 * instead of calling forever.
 */
public final class Pages {
  /** More pages than this is a loop: 100,000 pages of the smallest size is 2 million records. */
  public static final int MAX_PAGES = 100_000;

  /** A paginated call that does not end. */
  public static final class LoopException extends RuntimeException {
    public LoopException(String message) {
      super(message);
    }
  }

  private Pages() {}

  /**
   * The pages of a call the SDK has no paginator for: {@code call} is given the previous page's
   * token (null for the first page), and the listing is guarded as {@link #guarded} guards it.
   */
  public static <P> Iterable<P> following(
      Function<String, P> call, String what, Function<P, String> nextToken) {
    Iterable<P> pages =
        () ->
            new Iterator<>() {
              private P last;
              private boolean started;

              @Override
              public boolean hasNext() {
                if (!started) {
                  return true;
                }
                String token = nextToken.apply(last);
                return token != null && !token.isEmpty();
              }

              @Override
              public P next() {
                if (!hasNext()) {
                  throw new NoSuchElementException();
                }
                last = call.apply(started ? nextToken.apply(last) : null);
                started = true;
                return last;
              }
            };
    return guarded(pages, what, nextToken);
  }

  /**
   * @param what the call, for the message ("DescribeInstances")
   * @param nextToken the page's token for the next page; null or empty on the last page
   */
  public static <P> Iterable<P> guarded(
      Iterable<P> pages, String what, Function<P, String> nextToken) {
    return () ->
        new Iterator<>() {
          private final Iterator<P> source = pages.iterator();
          private final Set<String> seen = new HashSet<>();
          private int count;

          @Override
          public boolean hasNext() {
            return source.hasNext();
          }

          @Override
          public P next() {
            if (!source.hasNext()) {
              throw new NoSuchElementException();
            }
            P page = source.next();
            count++;
            String token = nextToken.apply(page);
            if (token != null && !token.isEmpty() && !seen.add(token)) {
              throw new LoopException(
                  what
                      + " answered a page token it had answered before: the listing would not end");
            }
            if (count > MAX_PAGES) {
              throw new LoopException(what + " answered more than " + MAX_PAGES + " pages");
            }
            return page;
          }
        };
  }
}
