import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { type ReminderKind, type ReminderKindOf, ReminderKindMetadata } from './reminder-kind.js';

/**
 * The feature class of each reminder kind, found at start-up. A class provided by two modules of one process (the
 * API's and the worker's) is one feeder; two classes for one kind refuse to start.
 */
@Injectable()
export class ReminderRegistry implements OnModuleInit {
  private readonly kinds = new Map<string, { name: string; feeder: ReminderKindOf<ReminderKind> }>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const problems: string[] = [];
    for (const wrapper of this.discovery.getProviders({ metadataKey: ReminderKindMetadata.KEY })) {
      const kind = this.discovery.getMetadataByDecorator(ReminderKindMetadata, wrapper) as string;
      const known = this.kinds.get(kind);
      if (known && known.name !== wrapper.name) problems.push(`more than one class for ${kind} (${known.name}, ${wrapper.name})`);
      if (!known) this.kinds.set(kind, { name: wrapper.name, feeder: wrapper.instance as ReminderKindOf<ReminderKind> });
    }
    if (problems.length) throw new Error(`Every reminder kind needs exactly one @Reminds class: ${problems.join('; ')}`);
  }

  /** Throws for a kind no feature of this process feeds, so the job fails visibly rather than dropping the reminder. */
  of<K extends ReminderKind>(kind: K): ReminderKindOf<K> {
    const known = this.kinds.get(kind);
    if (!known) throw new Error(`No @Reminds class for the reminder kind ${kind} in this process`);
    return known.feeder as unknown as ReminderKindOf<K>;
  }
}
