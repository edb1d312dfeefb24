package cn.resettlement.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.stereotype.Component;

import cn.resettlement.gateway.GatewayProperties;

/**
 * Instances of services configured with several URLs (a host list), for round-robin load
 * balancing by the gateway. A service with one URL is routed to it directly.
 */
@Component
class ServiceInstances implements ReactiveDiscoveryClient {

	private final Map<String, List<ServiceInstance>> instances;

	ServiceInstances(GatewayProperties properties) {
		this.instances = new java.util.HashMap<>();
		properties.services().forEach((id, service) -> {
			List<ServiceInstance> list = new ArrayList<>();
			for (int i = 0; i < service.urls().size(); i++) {
				URI url = service.urls().get(i);
				list.add(new DefaultServiceInstance(id + "-" + i, id, url.getHost(), port(url),
						"https".equals(url.getScheme())));
			}
			this.instances.put(id, List.copyOf(list));
		});
	}

	/** {@code lb://id} for a host list, else the one URL. */
	static URI routeUri(String id, GatewayProperties.Service service) {
		if (service.urls() == null || service.urls().isEmpty()) {
			throw new IllegalStateException("resettlement.gateway.services." + id + ".urls is empty");
		}
		return (service.urls().size() == 1) ? service.urls().get(0) : URI.create("lb://" + id);
	}

	@Override
	public String description() {
		return "Service instances from resettlement.gateway.services.*.urls";
	}

	@Override
	public Flux<ServiceInstance> getInstances(String serviceId) {
		return Flux.fromIterable(this.instances.getOrDefault(serviceId, List.of()));
	}

	@Override
	public Flux<String> getServices() {
		return Flux.fromIterable(this.instances.keySet());
	}

	private static int port(URI url) {
		if (url.getPort() != -1) {
			return url.getPort();
		}
		return "https".equals(url.getScheme()) ? 443 : 80;
	}

}
