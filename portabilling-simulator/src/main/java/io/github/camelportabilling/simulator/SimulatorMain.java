package io.github.camelportabilling.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator until the process is killed:
 * {@code java -jar portabilling-simulator-<version>-standalone.jar [--port 8080] [--customers N] [--accounts N]
 * [--token-lifetime SECONDS] [--no-demo] [--https] [--list-order key|natural|shuffled[:SEED]] [--page-cap N]
 * [--ignore-paging Service/method]} and the unfriendly conditions of {@link #usage()}.
 */
public final class SimulatorMain {

    static final int DEFAULT_PORT = 8080;

    private SimulatorMain() {
    }

    /** The parsed command line. */
    static final class Options {
        final PortaBillingSimulator.Builder builder = PortaBillingSimulator.builder().port(DEFAULT_PORT);
        boolean demo = true;
        boolean https;
        boolean help;
    }

    public static void main(String[] args) throws Exception {
        // no SLF4J binding ships in the standalone jar: keep its "no providers" notice off the console
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        if (options.help) {
            usage();
            return;
        }
        SelfSignedCertificate cert = null;
        if (options.https) {
            cert = SelfSignedCertificate.generate(Files.createTempDirectory("pbsim-tls"));
            options.builder.https(cert.keyStore(), SelfSignedCertificate.password());
        }
        long started = System.nanoTime();
        PortaBillingSimulator sim = options.builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(sim::close, "pbsim-shutdown"));
        System.out.printf("PortaBilling simulator listening on %s (started in %d ms)%n", sim.baseUrl(),
                (System.nanoTime() - started) / 1_000_000);
        System.out.printf("  API:         POST %s/rest/<Service>/<method>, e.g. %s/rest/Session/login%n", sim.baseUrl(), sim.baseUrl());
        System.out.printf("  API doc:     GET %s%s%n", sim.baseUrl(), sim.apiDescriptionPath());
        System.out.printf("  login:       %s / %s%n", PortaBillingSimulator.DEMO_LOGIN, PortaBillingSimulator.DEMO_PASSWORD);
        System.out.printf("  API token:   %s / %s%n", PortaBillingSimulator.DEMO_TOKEN_LOGIN, PortaBillingSimulator.DEMO_API_TOKEN);
        System.out.printf("  records:     %d customers, %d accounts, lists in %s order%n", sim.customerCount(),
                sim.accountCount(), sim.listOrder());
        if (sim.plainHttpPort() > 0) {
            System.out.printf("  plain http:  port %d (not the API: answers anything, a TLS handshake included, as a"
                    + " plain-http web server)%n", sim.plainHttpPort());
        }
        if (cert != null) {
            Path trust = cert.trustStoreFile();
            System.out.printf("  trust store: %s (PKCS12, password %s)%n", trust, new String(SelfSignedCertificate.password()));
        }
        System.out.println("Stop with Ctrl+C.");
        new CountDownLatch(1).await();
    }

    static Options parse(String[] args) {
        Options o = new Options();
        int customers = 0;
        int accounts = 0;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--port":
                    o.builder.port(intArg(args, ++i, a));
                    break;
                case "--customers":
                    customers = intArg(args, ++i, a);
                    break;
                case "--accounts":
                    accounts = intArg(args, ++i, a);
                    break;
                case "--token-lifetime":
                    o.builder.tokenLifetime(Duration.ofSeconds(intArg(args, ++i, a)));
                    break;
                case "--no-demo":
                    o.demo = false;
                    break;
                case "--https":
                    o.https = true;
                    break;
                case "--list-order":
                    o.builder.listOrder(ListOrder.parse(stringArg(args, ++i, a)));
                    break;
                case "--page-cap":
                    o.builder.pageCap(intArg(args, ++i, a));
                    break;
                case "--ignore-paging":
                    o.builder.ignorePaging(stringArg(args, ++i, a));
                    break;
                case "--help":
                case "-h":
                    o.help = true;
                    break;
                default:
                    i = parseCondition(o.builder, args, i);
                    break;
            }
        }
        if (o.demo) {
            o.builder.demoData();
        }
        o.builder.seedCustomers(customers).seedAccounts(accounts);
        return o;
    }

    /** The unfriendly server conditions; returns the index of the last argument used. */
    private static int parseCondition(PortaBillingSimulator.Builder b, String[] args, int i) {
        String a = args[i];
        switch (a) {
            case "--host":
                b.host(stringArg(args, ++i, a));
                return i;
            case "--lockout":
                String[] l = stringArg(args, ++i, a).split(":", -1);
                if (l.length != 3) {
                    throw new IllegalArgumentException(a + " needs BAD_LOGINS:WINDOW_SECONDS:LOCKOUT_SECONDS, got '" + args[i] + "'");
                }
                b.bruteForceLockout(intValue(l[0], a), Duration.ofSeconds(intValue(l[1], a)), Duration.ofSeconds(intValue(l[2], a)));
                return i;
            case "--must-change-password":
                b.mustChangePassword(stringArg(args, ++i, a));
                return i;
            case "--login-delay":
                b.loginDelay(Duration.ofSeconds(intArg(args, ++i, a)));
                return i;
            case "--slow-body":
                String[] d = stringArg(args, ++i, a).split(":", -1);
                if (d.length != 2) {
                    throw new IllegalArgumentException(a + " needs BYTES:MILLIS, got '" + args[i] + "'");
                }
                b.slowBody(intValue(d[0], a), Duration.ofMillis(intValue(d[1], a)));
                return i;
            case "--clock-offset":
                b.clockOffset(Duration.ofSeconds(intArg(args, ++i, a)));
                return i;
            case "--no-expires-in":
                b.withoutExpiresIn();
                return i;
            case "--latency":
                String[] t = stringArg(args, ++i, a).split(":", -1);
                if (t.length > 2) {
                    throw new IllegalArgumentException(a + " needs MILLIS or MILLIS:MICROS_PER_RECORD, got '" + args[i] + "'");
                }
                b.latency(Duration.ofMillis(intValue(t[0], a)), Duration.ofNanos(t.length == 2 ? intValue(t[1], a) * 1000L : 0));
                return i;
            case "--api-description":
                String doc = stringArg(args, ++i, a);
                b.apiDescription(switch (doc) {
                    case "synthetic" -> PortaBillingSimulator.ApiDescription.SYNTHETIC;
                    case "none" -> PortaBillingSimulator.ApiDescription.NONE;
                    case "html" -> PortaBillingSimulator.ApiDescription.HTML_PAGE;
                    case "swagger2" -> PortaBillingSimulator.ApiDescription.SWAGGER_2;
                    default -> throw new IllegalArgumentException(
                            a + " needs synthetic, none, html or swagger2, got '" + doc + "'");
                });
                return i;
            case "--api-description-extra":
                b.apiDescriptionExtraMethods(intArg(args, ++i, a));
                return i;
            case "--plain-http-listener":
                String mode = stringArg(args, ++i, a);
                if (!mode.equals("answer") && !mode.equals("silent")) {
                    throw new IllegalArgumentException(a + " needs answer or silent, got '" + mode + "'");
                }
                b.plainHttpListener(mode.equals("answer") ? PortaBillingSimulator.PlainHttp.ANSWERS_400
                        : PortaBillingSimulator.PlainHttp.SILENT);
                return i;
            default:
                throw new IllegalArgumentException("Unknown option: " + a);
        }
    }

    private static String stringArg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int intValue(String text, String option) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs numbers, got '" + text + "'");
        }
    }

    private static int intArg(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a number");
        }
        try {
            return Integer.parseInt(args[i]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, got '" + args[i] + "'");
        }
    }

    private static void usage() {
        System.out.println("Usage: java -jar portabilling-simulator-standalone.jar [options]\n"
                + "  --port N                 port on 127.0.0.1 (default " + DEFAULT_PORT + ", 0 = any free port)\n"
                + "  --customers N            seed N customers \"Customer 000001\"...\n"
                + "  --accounts N             seed N accounts spread over the customers\n"
                + "  --token-lifetime SECONDS access token lifetime (default 172800)\n"
                + "  --no-demo                start without the demo customers and accounts\n"
                + "  --https                  serve HTTPS with a fresh self-signed certificate for 127.0.0.1\n"
                + "  --list-order ORDER       key, natural (default: accounts by id, customers by name) or shuffled[:SEED]\n"
                + "  --page-cap N             serve at most N records per list page whatever limit says (total stays right)\n"
                + "  --ignore-paging S/m      this list method ignores limit/offset and answers everything (repeatable)\n"
                + "unfriendly server conditions:\n"
                + "  --host ADDRESS           loopback address to listen on (default 127.0.0.1; ::1 for IPv6)\n"
                + "  --lockout N:WINDOW:SECS  N bad logins within WINDOW seconds lock the login out for SECS seconds\n"
                + "                           (even the right password: Server.Session.cannot_login_brute_force_activity)\n"
                + "  --must-change-password LOGIN  its login answers Server.Session.alert_You_must_change_password\n"
                + "  --login-delay SECONDS    every Session/login hangs this long\n"
                + "  --slow-body BYTES:MILLIS every answer drips BYTES bytes every MILLIS ms\n"
                + "  --clock-offset SECONDS   the server's clock is ahead (negative: behind) in iat, exp, expires_at\n"
                + "  --no-expires-in          login and refresh answers without expires_in (older releases)\n"
                + "  --latency MILLIS[:MICROS] every answer waits MILLIS ms, plus MICROS us per record of a list page\n"
                + "  --plain-http-listener answer|silent  a second port speaking plain http only (answers 400 at\n"
                + "                           once, or never answers), for clients mistakenly set to https\n"
                + "API description (GET /doc/api/<Realm>Interface.json, no auth):\n"
                + "  --api-description synthetic|none|html|swagger2  the simulator's own document (default), a 404,\n"
                + "                           an HTML page, or a Swagger 2.0 document\n"
                + "  --api-description-extra N  N more generated methods in the document (documented, not served)");
    }
}
