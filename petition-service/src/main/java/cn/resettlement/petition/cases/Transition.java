package cn.resettlement.petition.cases;

import cn.resettlement.platform.events.DomainEvent;

/**
 * A petition after a command, and the event the command caused.
 *
 * @param petition the petition as it is now
 * @param event what happened
 */
public record Transition(Petition petition, DomainEvent event) {
}
