import { Person } from './models/person.model.js';
import { PeopleRepository } from './people.repository.js';
import { PeopleService } from './people.service.js';

/** An in-memory stand-in for the repository, so the service's rules can be checked alone. */
class InMemoryPeople {
  people = new Map<string, Person>();
  updates: Partial<Person>[] = [];
  async findByIds(ids: readonly string[]) {
    return ids.flatMap((id) => (this.people.has(id) ? [this.people.get(id)!] : []));
  }
  async update(id: string, changes: Partial<Person>) {
    this.updates.push(changes);
    const person = this.people.get(id);
    if (!person) return null;
    const updated = { ...person, ...changes };
    this.people.set(id, updated);
    return updated;
  }
}

describe('PeopleService.updateProfile', () => {
  const setup = () => {
    const repository = new InMemoryPeople();
    repository.people.set('p1', { id: 'p1', name: 'Ada', headline: 'Buyer', country: 'DE' });
    return { repository, service: new PeopleService(repository as unknown as PeopleRepository) };
  };

  it('changes only the caller’s own profile, and only the given fields', async () => {
    const { repository, service } = setup();
    const updated = await service.updateProfile({ id: 'p1', email: 'a@x.example' }, { headline: 'Head of buying' });
    expect(updated).toEqual({ id: 'p1', name: 'Ada', headline: 'Head of buying', country: 'DE' });
    expect(repository.updates).toEqual([{ headline: 'Head of buying' }]);
  });

  it('clears optional fields given as null or empty', async () => {
    const { service } = setup();
    const updated = await service.updateProfile({ id: 'p1', email: 'a@x.example' }, { headline: '', country: null });
    expect(updated).toMatchObject({ headline: null, country: null });
  });

  it('writes nothing for an empty change', async () => {
    const { repository, service } = setup();
    expect(await service.updateProfile({ id: 'p1', email: 'a@x.example' }, {})).toMatchObject({ name: 'Ada' });
    expect(repository.updates).toEqual([]);
  });

  it('answers NOT_FOUND when the caller’s person is gone', async () => {
    const { service } = setup();
    await expect(service.updateProfile({ id: 'gone', email: 'g@x.example' }, { name: 'X' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
