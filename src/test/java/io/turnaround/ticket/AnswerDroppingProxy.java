package io.turnaround.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A proxy in front of the server for one connection: it passes the request on and, as soon as the server starts to
 * answer, cuts the client off, so the client never learns what became of its request (as when a gateway times out).
 * The server writes its answer only after the request's transaction has committed.
 */
final class AnswerDroppingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int serverPort;
    private final Thread relay;

    AnswerDroppingProxy(int serverPort) throws IOException {
        this.listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        this.serverPort = serverPort;
        this.relay = new Thread(this::relayOnce, "answer-dropping-proxy");
        relay.setDaemon(true);
        relay.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    private void relayOnce() {
        try (Socket client = listener.accept(); Socket server = new Socket(InetAddress.getLoopbackAddress(), serverPort)) {
            Thread request = new Thread(() -> copy(client, server), "answer-dropping-proxy-request");
            request.setDaemon(true);
            request.start();
            if (server.getInputStream().read() >= 0) {
                client.setSoLinger(true, 0); // a reset, not an orderly end: nothing of the answer reaches the client
            }
        } catch (IOException e) {
            // the listener was closed
        }
    }

    private static void copy(Socket from, Socket to) {
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away; the relay is over
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
