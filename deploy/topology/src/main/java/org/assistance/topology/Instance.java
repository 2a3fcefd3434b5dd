package org.assistance.topology;

/** One running copy of a service: the first keeps the service's name, instance k is {@code SERVICE-k}. */
public record Instance(String name, Service service, int number, int port, int managementPort) {}
