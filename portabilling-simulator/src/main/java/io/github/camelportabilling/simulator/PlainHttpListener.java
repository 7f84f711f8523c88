package io.github.camelportabilling.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A second port that speaks plain HTTP only, as a web server or proxy does on its http port: the port a client
 * configured for https may be pointed at by mistake. It answers whatever arrives (a TLS ClientHello included) with
 * {@code 400 Bad Request} in plain text at once, as nginx does, or, when silent, reads and never answers, as the
 * JDK's HTTP server does with a ClientHello. Counts the connections it accepted, so a test can tell how many
 * attempts a client made.
 */
final class PlainHttpListener implements AutoCloseable {

    private static final byte[] BAD_REQUEST = ("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n"
            + "Content-Length: 43\r\nConnection: close\r\n\r\n"
            + "<html><body>400 Bad Request</body></html>\r\n").getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final boolean silent;
    private final AtomicLong connections = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    PlainHttpListener(InetAddress address, boolean silent) throws IOException {
        this.server = new ServerSocket(0, 50, address);
        this.silent = silent;
        Thread acceptor = new Thread(this::acceptLoop, "pbsim-plain-http-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    long connections() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                open.add(socket);
                Thread t = new Thread(() -> serve(socket), "pbsim-plain-http-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) {
                    continue;
                }
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            byte[] buffer = new byte[4096];
            if (silent) {
                while (in.read(buffer) >= 0) {
                    // holds the connection: a ClientHello never gets an answer
                }
                return;
            }
            if (in.read(buffer) > 0) {
                out.write(BAD_REQUEST);
                out.flush();
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(socket);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
