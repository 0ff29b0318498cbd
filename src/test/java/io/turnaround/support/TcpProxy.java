package io.turnaround.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy between a server and a service it uses (its PostgreSQL, an SMTP server) that a test can make misbehave:
 * {@link #stall()} (connections are accepted and kept, but nothing is passed on either way: a database that stopped
 * answering), {@link #cut()} (every connection is reset), {@link #refuse()} (new connections are refused, as while a
 * database restarts) and {@link #restore()} (everything flows again, stalled connections included). It counts the
 * connections it accepted.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { FORWARDING, STALLED, REFUSING, CLOSED }

    private final InetSocketAddress upstream;
    private final int port;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final Object lock = new Object();
    private Mode mode = Mode.FORWARDING;
    private ServerSocket listener;

    public TcpProxy(String upstreamHost, int upstreamPort) throws IOException {
        this.upstream = new InetSocketAddress(upstreamHost, upstreamPort);
        this.listener = listen(0);
        this.port = listener.getLocalPort();
        daemon(this::acceptUntilClosed, "tcp-proxy-accept").start();
    }

    /** The JDBC URL of the given PostgreSQL database reached through this proxy. */
    public String url(String databaseUrl) {
        return databaseUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/");
    }

    public int port() {
        return port;
    }

    /** How many connections clients have opened through the proxy so far. */
    public int accepted() {
        return accepted.get();
    }

    public void stall() {
        setMode(Mode.STALLED);
    }

    /** Resets every connection now open (each end gets a RST); new ones are taken as before. */
    public void cut() {
        for (Socket socket : sockets) {
            reset(socket);
        }
    }

    /** Refuses new connections until {@link #restore()}. */
    public void refuse() throws IOException {
        synchronized (lock) {
            mode = Mode.REFUSING;
            listener.close();
        }
    }

    public void restore() throws IOException {
        synchronized (lock) {
            if (mode == Mode.REFUSING) {
                listener = listen(port);
            }
            mode = Mode.FORWARDING;
            lock.notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (lock) {
            mode = Mode.CLOSED;
            listener.close();
            lock.notifyAll();
        }
        cut();
    }

    private void setMode(Mode next) {
        synchronized (lock) {
            mode = next;
            lock.notifyAll();
        }
    }

    /** Waits while stalled; false once the proxy is closed. */
    private boolean awaitFlowing() {
        synchronized (lock) {
            while (mode == Mode.STALLED) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return mode != Mode.CLOSED;
        }
    }

    private void acceptUntilClosed() {
        while (true) {
            ServerSocket current;
            synchronized (lock) {
                while (mode == Mode.REFUSING) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (mode == Mode.CLOSED) {
                    return;
                }
                current = listener;
            }
            try {
                Socket client = current.accept();
                accepted.incrementAndGet();
                sockets.add(client);
                daemon(() -> connect(client), "tcp-proxy-connect").start();
            } catch (IOException closed) {
                // refusing or closed: the loop looks at the mode again
            }
        }
    }

    /** Reaches the database only while not stalled: a stalled database accepts but never answers. */
    private void connect(Socket client) {
        if (!awaitFlowing()) {
            reset(client);
            return;
        }
        try {
            Socket server = new Socket();
            sockets.add(server);
            server.connect(upstream, 5000);
            daemon(() -> relay(client, server), "tcp-proxy-up").start();
            relay(server, client);
        } catch (IOException e) {
            reset(client);
        }
    }

    private void relay(Socket from, Socket to) {
        byte[] buffer = new byte[16384];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (!awaitFlowing()) {
                    break;
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one end went away
        } finally {
            close(from); // and so does the other
            close(to);
        }
    }

    private void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
        } catch (SocketException closed) {
            // already closed
        }
        close(socket);
    }

    private void close(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // nothing more to do
        }
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        return socket;
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
