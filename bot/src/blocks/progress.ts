import { message, section, type Message } from './kit.js';
import { escapeMrkdwn, mention, plural, truncate } from './text.js';

/** The thread reply when an approved batch starts going to the platform. */
export function progressMessage(input: { rows: number; environment: string; approvedBy: string }): Message {
  const environment = truncate(input.environment, 500);
  return message(`Applying ${plural(input.rows, 'row')} to ${environment}…`, [
    section(`:hourglass_flowing_sand: Applying ${plural(input.rows, 'row')} to ${escapeMrkdwn(environment)}… (approved by ${mention(input.approvedBy)})`),
  ]);
}
