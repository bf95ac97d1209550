import io.ztpd.core.template.RenderResult;
import io.ztpd.core.template.TemplateDirectory;
import io.ztpd.core.template.TemplateEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Renders a typical 40-line config with 15 variables for a fixed time on N threads and prints
 * renders/s. Run by hand: bench/template-render.sh [threads] [seconds]. Not a test.
 */
public class TemplateRenderBench {
  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    Path dir = Files.createTempDirectory("ztpd-bench-templates");
    StringBuilder t = new StringBuilder();
    t.append("hostname {{ hostname }}\nip domain name {{ domain }}\n");
    t.append("username {{ account.username }} privilege 15 secret 0 {{ account.password }}\n");
    t.append("interface GigabitEthernet0/0\n ip address {{ ip }} {{ netmask }}\n no shutdown\n");
    t.append("ip route 0.0.0.0 0.0.0.0 {{ router }}\n");
    t.append("{% for s in ntp %}ntp server {{ s }}\n{% endfor %}");
    t.append("{% for s in syslog %}logging host {{ s }}\n{% endfor %}");
    t.append("snmp-server community {{ snmp_community }} RO\nsnmp-server location {{ snmp_location }}\n");
    t.append("banner motd ^{{ banner }}^\n");
    t.append("{% for v in vlans %}vlan {{ v }}\n name v{{ v }}\n{% endfor %}");
    t.append("interface {{ uplink }}\n description uplink to {{ peer }}\n switchport mode trunk\n");
    t.append("{% if role == 'spine' %}spanning-tree priority 4096\n{% else %}spanning-tree priority 32768\n{% endif %}");
    t.append("line vty 0 15\n login local\n transport input ssh\nend\n");
    Files.writeString(dir.resolve("bench.j2"), t.toString());
    TemplateEngine engine = new TemplateEngine(new TemplateDirectory(dir));
    Map<String, Object> vars = new HashMap<>();
    vars.put("hostname", "sw1");
    vars.put("domain", "example.net");
    vars.put("account", Map.of("username", "ztpd", "password", "pw"));
    vars.put("ip", "192.0.2.10");
    vars.put("netmask", "255.255.255.0");
    vars.put("router", "192.0.2.1");
    vars.put("ntp", List.of("192.0.2.123", "192.0.2.124"));
    vars.put("syslog", List.of("192.0.2.10"));
    vars.put("snmp_community", "ro");
    vars.put("snmp_location", "hall A");
    vars.put("banner", "Authorized access only");
    vars.put("vlans", List.of(10, 20, 30, 40, 50));
    vars.put("uplink", "Gi1/1/1");
    vars.put("peer", "spine1");
    vars.put("role", "leaf");
    RenderResult first = engine.render("bench.j2", vars);
    String text = ((RenderResult.Rendered) first).text();
    System.out.println("lines=" + text.split("\n").length + " variables=" + vars.size());
    LongAdder count = new LongAdder();
    long end = System.nanoTime() + 3_000_000_000L; // warm-up
    runFor(engine, vars, threads, end, new LongAdder());
    end = System.nanoTime() + seconds * 1_000_000_000L;
    long start = System.nanoTime();
    runFor(engine, vars, threads, end, count);
    double secs = (System.nanoTime() - start) / 1e9;
    System.out.printf("threads=%d renders=%d seconds=%.1f renders/s=%.0f%n", threads, count.sum(), secs, count.sum() / secs);
  }

  static void runFor(TemplateEngine engine, Map<String, Object> vars, int threads, long end, LongAdder count)
      throws InterruptedException {
    Thread[] ts = new Thread[threads];
    for (int i = 0; i < threads; i++) {
      ts[i] = Thread.ofPlatform().start(() -> {
        while (System.nanoTime() < end) {
          if (!(engine.render("bench.j2", vars) instanceof RenderResult.Rendered)) throw new AssertionError();
          count.increment();
        }
      });
    }
    for (Thread t : ts) t.join();
  }
}
