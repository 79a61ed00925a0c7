package org.hotline.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where Debian's chromium and chromedriver live, and the flags that make them run headless on a machine without a
 * network beyond loopback. Browser tests fail with a clear message when they are missing: {@code .ci/run} installs
 * them ({@code apt-get install chromium chromium-driver}).
 */
public final class HeadlessChromium {

    public static final Path BROWSER = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("hotline.chromedriver", "/usr/bin/chromedriver"));

    public static final String[] ARGUMENTS = {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--window-size=1280,1600"};

    private HeadlessChromium() {
    }

    /** Fails the test with install instructions when the browser or its driver is absent. */
    public static void requireInstalled() {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("Browser tests need " + BROWSER + " and " + DRIVER
                    + ": apt-get install chromium chromium-driver (as .ci/run does)");
        }
    }
}
