package io.github.payop4j.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Listening TCP sockets of given processes, read from Linux's /proc (no tool needed). */
final class LoopbackSockets {

    private LoopbackSockets() {
    }

    /** The local addresses ("7F000001:1F90" style, as /proc writes them) of sockets these processes listen on. */
    static List<String> listening(List<ProcessHandle> processes) throws IOException {
        Set<String> inodes = new HashSet<>();
        for (ProcessHandle p : processes) {
            Path fds = Path.of("/proc", Long.toString(p.pid()), "fd");
            if (!Files.isDirectory(fds)) {
                continue;
            }
            try (DirectoryStream<Path> all = Files.newDirectoryStream(fds)) {
                for (Path fd : all) {
                    try {
                        String link = Files.readSymbolicLink(fd).toString();
                        if (link.startsWith("socket:[")) {
                            inodes.add(link.substring(8, link.length() - 1));
                        }
                    } catch (IOException e) {
                        // closed meanwhile
                    }
                }
            }
        }
        List<String> out = new ArrayList<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            List<String> lines = Files.readAllLines(Path.of(table));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f[3].equals("0A") && inodes.contains(f[9])) {
                    out.add(f[1]);
                }
            }
        }
        return out;
    }

    /** 127.0.0.0/8, ::1 or ::ffff:127.x.y.z, in /proc's hex (IPv4 little-endian: 127 is the last byte). */
    static boolean loopback(String local) {
        String address = local.substring(0, local.indexOf(':'));
        if (address.length() == 8) {
            return address.endsWith("7F");
        }
        return address.equals("00000000000000000000000001000000")
                || address.startsWith("0000000000000000FFFF0000") && address.endsWith("7F");
    }
}
