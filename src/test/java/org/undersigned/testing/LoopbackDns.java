package org.undersigned.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;

/**
 * A DNS server on loopback, UDP and TCP on one port, whose zone the tests change as they go: TXT
 * records (several strings each), CNAMEs (answered with their chain, as a recursive resolver does),
 * names that are NXDOMAIN or SERVFAIL, and names whose queries it never answers. An answer longer
 * than 512 bytes over UDP is sent truncated (TC), so the client must ask again over TCP. Messages
 * are read and written with dnsjava's wire format; the service is configured to ask it ({@code
 * undersigned.verification.dns-servers}).
 */
public class LoopbackDns implements QuarkusTestResourceLifecycleManager {

  private static final Map<Name, List<Record>> RECORDS = new ConcurrentHashMap<>();
  private static final Map<Name, Integer> RCODES = new ConcurrentHashMap<>();
  private static final Set<Name> SILENT = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger TCP_QUERIES = new AtomicInteger();
  private static DatagramSocket udp;
  private static ServerSocket tcp;

  @Override
  public synchronized Map<String, String> start() {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    for (int attempt = 0; tcp == null; attempt++) {
      try {
        udp = new DatagramSocket(0, loopback);
        tcp = new ServerSocket(udp.getLocalPort(), 50, loopback);
      } catch (IOException e) {
        if (udp != null) {
          udp.close();
        }
        if (attempt > 20) {
          throw new IllegalStateException("No port free for UDP and TCP at once", e);
        }
      }
    }
    for (Thread t :
        List.of(
            new Thread(LoopbackDns::serveUdp, "loopback-dns-udp"),
            new Thread(LoopbackDns::serveTcp, "loopback-dns-tcp"))) {
      t.setDaemon(true);
      t.start();
    }
    return Map.of("undersigned.verification.dns-servers", "127.0.0.1:" + udp.getLocalPort());
  }

  @Override
  public synchronized void stop() {
    if (udp != null) {
      udp.close();
    }
    try {
      if (tcp != null) {
        tcp.close();
      }
    } catch (IOException ignored) {
      // closing
    }
    udp = null;
    tcp = null;
  }

  /** A TXT record at a name, beside those already there, made of these strings. */
  public static void txt(String name, String... strings) {
    Name n = name(name);
    RECORDS
        .computeIfAbsent(n, k -> new CopyOnWriteArrayList<>())
        .add(new TXTRecord(n, DClass.IN, 60, List.of(strings)));
  }

  /** A CNAME from a name to another. */
  public static void cname(String name, String target) {
    Name n = name(name);
    RECORDS
        .computeIfAbsent(n, k -> new CopyOnWriteArrayList<>())
        .add(new CNAMERecord(n, DClass.IN, 60, name(target)));
  }

  /** Every record at a name gone. */
  public static void remove(String name) {
    RECORDS.remove(name(name));
  }

  /** The name does not exist. */
  public static void nxdomain(String name) {
    RCODES.put(name(name), Rcode.NXDOMAIN);
  }

  /** The server fails for the name. */
  public static void servfail(String name) {
    RCODES.put(name(name), Rcode.SERVFAIL);
  }

  /** Queries for the name are never answered. */
  public static void silent(String name) {
    SILENT.add(name(name));
  }

  /** How many queries came over TCP so far. */
  public static int tcpQueries() {
    return TCP_QUERIES.get();
  }

  private static Name name(String name) {
    try {
      return Name.fromString(name.endsWith(".") ? name : name + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static void serveUdp() {
    DatagramSocket socket = udp;
    byte[] buffer = new byte[4096];
    while (!socket.isClosed()) {
      try {
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        socket.receive(packet);
        byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        byte[] answer = answer(query, false);
        if (answer != null) {
          socket.send(
              new DatagramPacket(answer, answer.length, packet.getAddress(), packet.getPort()));
        }
      } catch (IOException e) {
        // closed, or a malformed query: go on while open
      }
    }
  }

  private static void serveTcp() {
    ServerSocket server = tcp;
    while (!server.isClosed()) {
      try (Socket client = server.accept()) {
        client.setSoTimeout(5000);
        DataInputStream in = new DataInputStream(client.getInputStream());
        byte[] query = new byte[in.readUnsignedShort()];
        in.readFully(query);
        TCP_QUERIES.incrementAndGet();
        byte[] answer = answer(query, true);
        if (answer != null) {
          DataOutputStream out = new DataOutputStream(client.getOutputStream());
          out.writeShort(answer.length);
          out.write(answer);
          out.flush();
        }
      } catch (IOException e) {
        // closed, or a client gone: go on while open
      }
    }
  }

  private static byte[] answer(byte[] wire, boolean overTcp) throws IOException {
    Message query = new Message(wire);
    Record question = query.getQuestion();
    Name name = question.getName();
    if (SILENT.contains(name)) {
      return null;
    }
    Message response = new Message(query.getHeader().getID());
    response.getHeader().setFlag(Flags.QR);
    response.getHeader().setFlag(Flags.RD);
    response.getHeader().setFlag(Flags.RA);
    response.addRecord(question, Section.QUESTION);
    Integer rcode = RCODES.get(name);
    if (rcode != null) {
      response.getHeader().setRcode(rcode);
      return response.toWire();
    }
    Name current = name;
    for (int hop = 0; hop < 10; hop++) {
      Name next = null;
      for (Record r : RECORDS.getOrDefault(current, List.of())) {
        if (r.getType() == question.getType() || r instanceof CNAMERecord) {
          response.addRecord(r, Section.ANSWER);
        }
        if (r instanceof CNAMERecord c) {
          next = c.getTarget();
        }
      }
      if (next == null) {
        break;
      }
      Integer targetRcode = RCODES.get(next);
      if (targetRcode != null) {
        response.getHeader().setRcode(targetRcode);
        break;
      }
      current = next;
    }
    byte[] out = response.toWire();
    if (!overTcp && out.length > 512) {
      Message truncated = new Message(query.getHeader().getID());
      truncated.getHeader().setFlag(Flags.QR);
      truncated.getHeader().setFlag(Flags.TC);
      truncated.addRecord(question, Section.QUESTION);
      out = truncated.toWire();
    }
    return out;
  }
}
