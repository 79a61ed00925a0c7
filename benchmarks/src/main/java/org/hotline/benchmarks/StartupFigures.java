package org.hotline.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline.local.LocalStack;
import org.hotline.local.ServiceJvm;
import org.hotline.local.ServiceProcess;

/**
 * Each service's start-up (issue 14): the time from its process start to {@code /q/health/ready} answering 200,
 * and its RSS then, for one service started alone while the others run and for all four started together, on the
 * same PostgreSQL and broker. Measured for the set-up before issue 14 (the launcher's JDK, no class-data cache, a
 * 64 MiB initial heap) as the reference, then for the launcher's JDK with its class-data cache and, where a JDK 25
 * or later is installed, for that JDK with its ahead-of-time cache. Each figure is the median of the repeats; a
 * cache is recorded by one start before the measured ones.
 */
final class StartupFigures {

    /** One way of running the services. */
    record Setup(String label, ServiceJvm jvm) {
    }

    private record Start(double seconds, long rssKiB) {
    }

    private StartupFigures() {
    }

    /** The reference and the set-ups issue 14 added that this machine can run. */
    static List<Setup> setups() {
        ServiceJvm launcher = ServiceJvm.of(Path.of(System.getProperty("java.home")));
        List<String> before = new ArrayList<>(launcher.options());
        before.replaceAll(option -> option.startsWith("-Xms") ? "-Xms64m" : option);
        List<Setup> setups = new ArrayList<>();
        setups.add(new Setup("before: Java " + launcher.featureVersion() + ", no cache, -Xms64m",
                launcher.withOptions(before).withClassDataCache(false)));
        setups.add(new Setup("Java " + launcher.featureVersion() + " + " + launcher.cacheKind(), launcher));
        Optional<ServiceJvm> newest = Optional.of(ServiceJvm.detect())
                .filter(jvm -> jvm.featureVersion() > launcher.featureVersion());
        newest.ifPresent(jvm -> setups.add(new Setup("Java " + jvm.featureVersion() + " + " + jvm.cacheKind(), jvm)));
        return setups;
    }

    /** Measures every set-up and prints the table; leaves the stack's services running on {@code last}. */
    static void measureAndPrint(LocalStack stack, List<Setup> setups, int repeats, ServiceJvm last)
            throws Exception {
        List<String> names = stack.services().stream().map(ServiceProcess::name).sorted().toList();
        Map<Setup, Map<String, Start>> alone = new LinkedHashMap<>();
        Map<Setup, Map<String, Start>> together = new LinkedHashMap<>();
        for (Setup setup : setups) {
            System.out.println("  measuring " + setup.label() + " ...");
            // The first start of a build on a JDK records its cache as it exits: never one of the measured starts.
            stack.restartAll(setup.jvm());
            Map<String, List<Start>> all = new LinkedHashMap<>();
            for (int i = 0; i < repeats; i++) {
                Map<String, Duration> ready = stack.restartAll(setup.jvm());
                for (String name : names) {
                    all.computeIfAbsent(name, n -> new ArrayList<>()).add(
                            new Start(ready.get(name).toMillis() / 1000.0, stack.service(name).rssKiB()));
                }
            }
            Map<String, List<Start>> one = new LinkedHashMap<>();
            for (String name : names) {
                for (int i = 0; i < repeats; i++) {
                    Duration ready = stack.restartAlone(name, setup.jvm());
                    one.computeIfAbsent(name, n -> new ArrayList<>()).add(
                            new Start(ready.toMillis() / 1000.0, stack.service(name).rssKiB()));
                }
            }
            together.put(setup, medians(all));
            alone.put(setup, medians(one));
        }
        stack.restartAll(last);

        System.out.println();
        System.out.printf("--- Start-up: process start to ready, RSS at ready (median of %d) ---%n", repeats);
        System.out.printf("%-34s %-18s %9s %9s %10s %9s%n", "set-up", "service", "alone", "RSS", "together",
                "RSS");
        for (Setup setup : setups) {
            for (String name : names) {
                Start a = alone.get(setup).get(name);
                Start t = together.get(setup).get(name);
                System.out.printf("%-34s %-18s %7.1f s %5d MiB %8.1f s %5d MiB%n", setup.label(), name, a.seconds(),
                        a.rssKiB() / 1024, t.seconds(), t.rssKiB() / 1024);
            }
        }
        Setup reference = setups.get(0);
        for (Setup setup : setups) {
            double slowestAlone = slowest(alone.get(setup));
            double slowestTogether = slowest(together.get(setup));
            System.out.printf("%-34s slowest alone %.1f s (%.2fx the reference), all four ready after %.1f s"
                    + " (%.2fx), largest RSS %d MiB%n", setup.label(), slowestAlone,
                    slowestAlone / slowest(alone.get(reference)), slowestTogether,
                    slowestTogether / slowest(together.get(reference)), largestRss(together.get(setup),
                            alone.get(setup)) / 1024);
        }
    }

    private static Map<String, Start> medians(Map<String, List<Start>> starts) {
        Map<String, Start> medians = new LinkedHashMap<>();
        starts.forEach((name, list) -> {
            double[] seconds = list.stream().mapToDouble(Start::seconds).sorted().toArray();
            long[] rss = list.stream().mapToLong(Start::rssKiB).sorted().toArray();
            medians.put(name, new Start(seconds[seconds.length / 2], rss[rss.length / 2]));
        });
        return medians;
    }

    private static double slowest(Map<String, Start> starts) {
        return starts.values().stream().mapToDouble(Start::seconds).max().orElse(Double.NaN);
    }

    private static long largestRss(Map<String, Start> together, Map<String, Start> alone) {
        return Math.max(together.values().stream().mapToLong(Start::rssKiB).max().orElse(-1),
                alone.values().stream().mapToLong(Start::rssKiB).max().orElse(-1));
    }
}
