package org.undersigned.endorsement.verification;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.undersigned.common.config.UndersignedConfig;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * TXT look-ups with dnsjava: the configured servers (or the system's), each asked once with a short
 * time-out, no cache (a record just published or removed is seen at once), a truncated UDP answer
 * asked again over TCP (dnsjava's SimpleResolver does), CNAMEs followed (at most 8), and each
 * record's strings joined as RFC 7208 §3.3 joins them.
 */
@ApplicationScoped
public class DnsTxt {

  /** What a look-up found. */
  public enum Outcome {
    /** TXT records at the name (or at the end of its CNAMEs). */
    FOUND,
    /** The name exists and holds no TXT record. */
    NO_RECORD,
    /** The name does not exist (NXDOMAIN). */
    NO_DOMAIN,
    /** The server answered with an error (SERVFAIL, REFUSED, …). */
    FAILED,
    /** No server answered in time. */
    NO_ANSWER
  }

  /** The outcome, and the records' values when found. */
  public record Answer(Outcome outcome, List<String> values) {}

  private static final int MOST_CNAMES = 8;

  private final Resolver resolver;

  public DnsTxt(UndersignedConfig config) {
    UndersignedConfig.Verification settings = config.verification();
    List<Resolver> servers = new ArrayList<>();
    for (String server : settings.dnsServers().orElse(List.of())) {
      String s = server.strip();
      int colon = s.lastIndexOf(':');
      boolean withPort = colon > 0 && s.indexOf(':') == colon; // host:port, not a bare IPv6
      String host = withPort ? s.substring(0, colon) : s.replaceAll("^\\[|]$", "");
      int port = withPort ? Integer.parseInt(s.substring(colon + 1)) : 53;
      servers.add(new SimpleResolver(new InetSocketAddress(host, port)));
    }
    ExtendedResolver extended =
        servers.isEmpty() ? new ExtendedResolver() : new ExtendedResolver(servers);
    extended.setRetries(1);
    extended.setLoadBalance(false);
    extended.setTimeout(settings.timeout());
    for (Resolver r : extended.getResolvers()) {
      r.setTimeout(settings.timeout());
    }
    this.resolver = extended;
  }

  /** The TXT records at a name, following CNAMEs. */
  public Answer lookup(String dnsName) {
    Name name;
    try {
      name = Name.fromString(dnsName.endsWith(".") ? dnsName : dnsName + ".");
    } catch (TextParseException e) {
      return new Answer(Outcome.NO_DOMAIN, List.of());
    }
    Message response = null;
    for (int hop = 0; hop <= MOST_CNAMES; hop++) {
      if (response == null || !answers(response, name)) {
        try {
          response = resolver.send(Message.newQuery(Record.newRecord(name, Type.TXT, DClass.IN)));
        } catch (IOException e) {
          return new Answer(Outcome.NO_ANSWER, List.of());
        }
      }
      int rcode = response.getRcode();
      List<String> values = new ArrayList<>();
      Name target = null;
      for (Record r : response.getSection(Section.ANSWER)) {
        if (!r.getName().equals(name)) {
          continue;
        }
        if (r instanceof TXTRecord txt) {
          values.add(joined(txt.getStringsAsByteArrays()));
        } else if (r instanceof CNAMERecord cname) {
          target = cname.getTarget();
        }
      }
      if (!values.isEmpty()) {
        return new Answer(Outcome.FOUND, List.copyOf(values));
      }
      if (target == null) {
        return switch (rcode) {
          case Rcode.NOERROR -> new Answer(Outcome.NO_RECORD, List.of());
          case Rcode.NXDOMAIN -> new Answer(Outcome.NO_DOMAIN, List.of());
          default -> new Answer(Outcome.FAILED, List.of());
        };
      }
      name = target;
    }
    return new Answer(Outcome.FAILED, List.of());
  }

  /** A record's strings as one value: their bytes one after the other (RFC 7208 §3.3). */
  private static String joined(List<byte[]> strings) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    strings.forEach(bytes::writeBytes);
    return bytes.toString(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Whether a response already holds records of a name (a resolver sends a CNAME's chain). */
  private static boolean answers(Message response, Name name) {
    return response.getSection(Section.ANSWER).stream().anyMatch(r -> r.getName().equals(name));
  }
}
