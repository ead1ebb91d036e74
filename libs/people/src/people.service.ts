import { Injectable } from '@nestjs/common';
import { AuthUser, notFound } from '#tradegraph/common';
import { UpdateProfileInput } from './dto/update-profile.input.js';
import { Person } from './models/person.model.js';
import { PeopleRepository } from './people.repository.js';

@Injectable()
export class PeopleService {
  constructor(private readonly people: PeopleRepository) {}

  create(person: Person): Promise<Person> {
    return this.people.create(person);
  }

  findByIds(ids: readonly string[]): Promise<Person[]> {
    return this.people.findByIds(ids);
  }

  /** The given people as the viewer may see them: blocked pairs are left out, like unknown ids. */
  findVisibleTo(viewerId: string, ids: readonly string[]): Promise<Person[]> {
    return this.people.findVisibleTo(viewerId, ids);
  }

  async get(id: string, field = 'id'): Promise<Person> {
    const [person] = await this.people.findByIds([id]);
    if (!person) throw notFound(`No person has the id ${id}.`, field);
    return person;
  }

  /** A person may only change their own profile, so the caller is always the subject. */
  async updateProfile(user: AuthUser, input: UpdateProfileInput): Promise<Person> {
    const changes: Partial<Omit<Person, 'id'>> = {};
    if (input.name !== undefined) changes.name = input.name;
    if (input.headline !== undefined) changes.headline = input.headline || null;
    if (input.country !== undefined) changes.country = input.country;
    const updated =
      Object.keys(changes).length > 0 ? await this.people.update(user.id, changes) : await this.get(user.id);
    if (!updated) throw notFound('Your profile no longer exists.');
    return updated;
  }

  /**
   * Called by libs/accounts whenever the person's address is verified: the domain (null for freemail)
   * that may make their organizations domain-verified. Never shown to anyone.
   */
  setVerifiedEmailDomain(id: string, domain: string | null): Promise<void> {
    return this.people.setVerifiedEmailDomain(id, domain);
  }

  /** Removes a person node; used to undo a registration whose account could not be completed. */
  delete(id: string): Promise<void> {
    return this.people.delete(id);
  }
}
