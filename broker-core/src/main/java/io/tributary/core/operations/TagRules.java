package io.tributary.core.operations;

import io.tributary.core.error.KinesisException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * AWS's rules for the tags of a stream or consumer, past the lengths the wire layer checks:
 * the characters allowed, the reserved {@code aws:} prefix, and at most 50 tags per resource.
 *
 * <p>The texts are AWS's as kinesalite records them for AddTagsToStream and
 * RemoveTagsFromStream, including two of AWS's quirks: {@code %} passes the first character
 * check and is then refused with a second message, and the count message still says 10 tags
 * although the limit has been 50 since 2017 (mhart/kinesalite#54). The colon is allowed, as AWS
 * does and TagResource's documentation says (mhart/kinesalite#106).
 *
 * <p>Stateless.
 */
final class TagRules {
  /** The most tags one stream or consumer may have. */
  static final int MAX_TAGS_PER_RESOURCE = 50;

  private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}\\p{Z}_.:/=+\\-@%]*");
  private static final String RESERVED_PREFIX = "aws:";

  /** "stream orders" or "consumer billing": what the texts call the resource. */
  private final String resource;
  private final String accountId;

  private TagRules(String resource, String accountId) {
    this.resource = resource;
    this.accountId = accountId;
  }

  static TagRules forStream(String streamName, String accountId) {
    return new TagRules("stream " + streamName, accountId);
  }

  static TagRules forConsumer(String consumerName, String accountId) {
    return new TagRules("consumer " + consumerName, accountId);
  }

  /** Checks tags about to be added: characters of keys and values, the reserved prefix. */
  void checkAdded(Map<String, String> tags) {
    List<String> all = new ArrayList<>(tags.keySet());
    all.addAll(tags.values());
    checkCharacters(all, "add tags to");
    for (String key : tags.keySet()) {
      if (key.regionMatches(true, 0, RESERVED_PREFIX, 0, RESERVED_PREFIX.length())) {
        throw KinesisException.invalidArgument("Failed to add tags to " + resource + " under account " + accountId
            + " because tag keys prefixed with 'aws:' are reserved for AWS use.");
      }
    }
  }

  /** Checks keys about to be removed: their characters. */
  void checkRemoved(Collection<String> keys) {
    checkCharacters(keys, "remove tags from");
  }

  /** The resource's tags after adding {@code added}; refused when that makes more than 50. */
  TreeMap<String, String> merged(Map<String, String> current, Map<String, String> added) {
    TreeMap<String, String> next = new TreeMap<>(current);
    next.putAll(added);
    if (next.size() > MAX_TAGS_PER_RESOURCE) {
      throw KinesisException.invalidArgument("Failed to add tags to " + resource + " under account " + accountId
          + " because a given " + resource.substring(0, resource.indexOf(' '))
          + " cannot have more than 10 tags associated with it.");
    }
    return next;
  }

  private void checkCharacters(Collection<String> texts, String verb) {
    for (String text : texts) {
      if (!ALLOWED.matcher(text).matches()) {
        throw KinesisException.invalidArgument("Some tags contain invalid characters. Valid characters: "
            + "Unicode letters, digits, white space, _ . / = + - % @.");
      }
    }
    for (String text : texts) {
      if (text.indexOf('%') >= 0) {
        throw KinesisException.invalidArgument("Failed to " + verb + " " + resource + " under account " + accountId
            + " because some tags contained illegal characters. The allowed characters are Unicode letters, "
            + "white-spaces, '_',',','/','=','+','-','@'.");
      }
    }
  }
}
