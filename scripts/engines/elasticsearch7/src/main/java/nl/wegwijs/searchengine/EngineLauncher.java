package nl.wegwijs.searchengine;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner;
import org.elasticsearch.node.Node;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Starts N Elasticsearch nodes in this JVM (via the codelibs cluster runner)
 * bound to 127.0.0.1, and serves a tiny control API so a test can stop and
 * restart ONE node while the others keep serving (the runner's own main has
 * no such hook):
 *
 *   GET  /nodes            one line per node: "N http=PORT up|down"
 *   POST /nodes/N/stop     closes node N (1-based)
 *   POST /nodes/N/start    starts node N again with its old data and ports
 *
 * Usage: EngineLauncher BASE_PATH CLUSTER_NAME NODES HTTP_PORT_FROM
 *        TRANSPORT_PORT_FROM CONTROL_PORT_FILE
 * The control port is ephemeral; it is written to CONTROL_PORT_FILE.
 */
public final class EngineLauncher {

    private static final String PLUGINS = "nl.wegwijs.searchengine.WegwijsAnalysisPlugin";

    public static void main(String[] args) throws Exception {
        final String basePath = args[0];
        final String clusterName = args[1];
        final int nodes = Integer.parseInt(args[2]);
        final int httpFrom = Integer.parseInt(args[3]);
        final int transportFrom = Integer.parseInt(args[4]);
        final Path controlFile = Paths.get(args[5]);

        // Choose every port up front: discovery needs the transport ports of
        // all nodes, and the script reads the HTTP ports from /nodes.
        final int[] httpPorts = freePorts(httpFrom, nodes, new int[0]);
        final int[] transportPorts = freePorts(transportFrom, nodes, httpPorts);
        final List<String> seeds = new ArrayList<>();
        for (int p : transportPorts) {
            seeds.add("127.0.0.1:" + p);
        }

        final ElasticsearchClusterRunner runner = new ElasticsearchClusterRunner();
        runner.onBuild((id, settings) -> {
            settings.put("network.host", "127.0.0.1");
            settings.put("http.port", httpPorts[id - 1]);
            settings.put("transport.port", transportPorts[id - 1]);
            if (nodes == 1) {
                settings.put("discovery.type", "single-node");
            } else {
                settings.putList("discovery.seed_hosts", seeds);
                // Node 1 bootstraps alone and the others join it, so start-up
                // does not wait for a quorum of still-missing nodes.
                settings.putList("cluster.initial_master_nodes", "Node 1");
            }
            // A nearly full CI disk must not flip indices to read-only.
            settings.put("cluster.routing.allocation.disk.threshold_enabled", false);
            // Hunspell dictionaries load on first use, not at every node start.
            settings.put("indices.analysis.hunspell.dictionary.lazy", true);
        }).build(ElasticsearchClusterRunner.newConfigs()
                .basePath(basePath)
                .clusterName(clusterName)
                .numOfNode(nodes)
                .pluginTypes(PLUGINS));

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (IOException e) {
                e.printStackTrace();
            }
        }));

        final HttpServer control = HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        control.createContext("/nodes", exchange -> handle(exchange, runner, httpPorts));
        control.start();
        Files.write(controlFile, String.valueOf(control.getAddress().getPort())
                .getBytes(StandardCharsets.UTF_8));
        System.out.println("control port " + control.getAddress().getPort());

        new CountDownLatch(1).await(); // until SIGTERM runs the shutdown hook
    }

    private static void handle(HttpExchange exchange, ElasticsearchClusterRunner runner,
            int[] httpPorts) throws IOException {
        final String[] parts = exchange.getRequestURI().getPath().split("/");
        int status = 200;
        String body;
        try {
            if (parts.length == 2) { // "/nodes"
                final StringBuilder sb = new StringBuilder();
                for (int i = 0; i < httpPorts.length; i++) {
                    final Node node = runner.getNode(i);
                    sb.append(i + 1).append(" http=").append(httpPorts[i]).append(' ')
                            .append(node != null && !node.isClosed() ? "up" : "down").append('\n');
                }
                body = sb.toString();
            } else if (parts.length == 4 && "POST".equals(exchange.getRequestMethod())) {
                final int index = Integer.parseInt(parts[2]) - 1;
                final Node node = runner.getNode(index);
                if (node == null) {
                    status = 404;
                    body = "no such node\n";
                } else if ("stop".equals(parts[3])) {
                    node.close();
                    body = "stopped node " + (index + 1) + "\n";
                } else if ("start".equals(parts[3])) {
                    final boolean started = runner.startNode(index);
                    status = started ? 200 : 409;
                    body = (started ? "started" : "not started (running?)") + " node " + (index + 1) + "\n";
                } else {
                    status = 404;
                    body = "unknown action\n";
                }
            } else {
                status = 404;
                body = "GET /nodes, POST /nodes/N/stop, POST /nodes/N/start\n";
            }
        } catch (Exception e) {
            status = 500;
            body = e + "\n";
        }
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The first {@code count} ports from {@code from} that are free on 127.0.0.1. */
    private static int[] freePorts(int from, int count, int[] taken) {
        final int[] ports = new int[count];
        int port = from;
        for (int i = 0; i < count; port++) {
            if (port > 65535) {
                throw new IllegalStateException("no free port from " + from);
            }
            boolean reserved = false;
            for (int t : taken) {
                reserved |= t == port;
            }
            if (reserved) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                ports[i++] = port;
            } catch (IOException inUse) {
                // try the next port
            }
        }
        return ports;
    }
}
