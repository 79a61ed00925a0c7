package org.hotline.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Loopback ports free at the time of asking, for stacks started beside others (tests, benchmarks). */
public final class FreePorts {

    private FreePorts() {
    }

    /** {@code count} distinct free ports: all sockets are held open until every port is chosen. */
    public static int[] allocate(int count) throws IOException {
        int[] ports = new int[count];
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                sockets.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : sockets) {
                socket.close();
            }
        }
        return ports;
    }
}
