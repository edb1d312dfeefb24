package cn.resettlement.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Routes consumed events by CloudEvents type to handlers that run once per event id
 * ({@link Inbox}); types and versions without a handler are skipped and counted.
 */
public final class EventHandlers {

	private final Inbox inbox;

	private final Map<String, Consumer<CloudEvent>> handlers;

	private EventHandlers(Inbox inbox, Map<String, Consumer<CloudEvent>> handlers) {
		this.inbox = inbox;
		this.handlers = Map.copyOf(handlers);
	}

	public static Builder with(Inbox inbox) {
		return new Builder(inbox);
	}

	/**
	 * Handles one event.
	 * @return whether a handler ran (false for a duplicate or an unknown type)
	 */
	public boolean handle(CloudEvent event) {
		Consumer<CloudEvent> handler = this.handlers.get(event.type());
		if (handler == null) {
			this.inbox.skip(event);
			return false;
		}
		return this.inbox.apply(event, handler);
	}

	public static final class Builder {

		private final Inbox inbox;

		private final Map<String, Consumer<CloudEvent>> handlers = new HashMap<>();

		private Builder(Inbox inbox) {
			this.inbox = inbox;
		}

		/**
		 * @param type the full CloudEvents type, e.g.
		 * {@code resettlement.population.MigrantAdjusted.v1}
		 */
		public Builder on(String type, Consumer<CloudEvent> handler) {
			this.handlers.put(type, handler);
			return this;
		}

		public EventHandlers build() {
			return new EventHandlers(this.inbox, this.handlers);
		}

	}

}
