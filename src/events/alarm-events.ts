/** The `monitoring.alarm` event of an alarm's step: small, with what a subscriber's filters and scope need. */
import type { EventBus } from "./event-bus.js";
import type { Row } from "../data/reader.js";

export function publishAlarmChange(events: EventBus, alarm: Row, action: string, at: Date): void {
  events.publish("monitoring.alarm", {
    alarmId: (alarm.key ?? alarm.id) as string,
    action,
    state: alarm.state as string,
    level: alarm.level as string,
    regionCode: alarm.regionCode as string,
    at: at.toISOString(),
  });
}
