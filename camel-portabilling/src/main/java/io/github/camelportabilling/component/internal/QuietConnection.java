package io.github.camelportabilling.component.internal;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.net.ssl.SSLSocket;

import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.impl.io.DefaultBHttpClientConnection;
import org.apache.hc.core5.http.impl.io.SocketHolder;
import org.apache.hc.core5.http.io.HttpConnectionFactory;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient's connection without its "headers" and "wire" logging. HttpClient's own connection prints the
 * Authorization header and the login and refresh bodies verbatim when org.apache.hc.client5.http.headers or .wire is
 * at DEBUG, which would put the password and every token in the log. The component logs each call itself, without
 * secrets. Otherwise this behaves as HttpClient's default managed connection (same core connection class, same
 * timeout handling between leases).
 */
final class QuietConnection extends DefaultBHttpClientConnection implements ManagedHttpClientConnection {

    /** Creates quiet connections for the pool. */
    static final HttpConnectionFactory<ManagedHttpClientConnection> FACTORY = socket -> {
        QuietConnection connection = new QuietConnection();
        if (socket != null) {
            connection.bind(socket);
        }
        return connection;
    };

    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Timeout socketTimeout;

    private QuietConnection() {
        super(Http1Config.DEFAULT);
    }

    @Override
    public void bind(Socket socket) throws IOException {
        bindHolder(new SocketHolder(socket));
    }

    @Override
    public void bind(SSLSocket sslSocket, Socket socket) throws IOException {
        bindHolder(new SocketHolder(sslSocket, socket));
    }

    private void bindHolder(SocketHolder holder) throws IOException {
        if (closed.get()) {
            holder.getSocket().close();
            throw new InterruptedIOException("Connection already shut down");
        }
        super.bind(holder);
        socketTimeout = Timeout.ofMilliseconds(holder.getSocket().getSoTimeout());
    }

    @Override
    public Socket getSocket() {
        SocketHolder holder = getSocketHolder();
        return holder != null ? holder.getSocket() : null;
    }

    @Override
    public void setSocketTimeout(Timeout timeout) {
        super.setSocketTimeout(timeout);
        socketTimeout = timeout;
    }

    @Override
    public void passivate() {
        super.setSocketTimeout(Timeout.ZERO_MILLISECONDS);
    }

    @Override
    public void activate() {
        super.setSocketTimeout(socketTimeout);
    }

    @Override
    public void close() throws IOException {
        if (closed.compareAndSet(false, true)) {
            super.close();
        }
    }

    @Override
    public void close(CloseMode closeMode) {
        if (closed.compareAndSet(false, true)) {
            super.close(closeMode);
        }
    }
}
