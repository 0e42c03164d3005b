/**
 * Relevance on the committed data: real job words and diploma names, each with what it must and
 * must not return. The expected sets come from the nomenclatures as the pipeline joined them (a
 * training's ROME codes from Certif Info, its title from Certif Info or the DGESCO), computed here,
 * not read from the UI.
 */
import { describe, expect, it } from 'vitest';
import { foldText } from '../../src/domain/text.ts';
import type { Training } from '../../src/domain/training.ts';
import { committedSearch, DATASET } from '../e2e/committed-data.ts';

const engine = committedSearch();
const byId = new Map(DATASET.trainings.map((training) => [training.id, training]));
const results = (query: string): Training[] => (engine.search(query).ids ?? []).map((id) => byId.get(id) as Training);
const title = (training: Training) => ` ${foldText(training.intitule)} `;
const leadsTo = (code: string) => DATASET.trainings.filter((training) => (training.romes ?? []).includes(code));
const titled = (pattern: RegExp) => DATASET.trainings.filter((training) => pattern.test(title(training)));

describe('search relevance, real words people type', () => {
  // A job named exactly: the trainings whose diploma leads to it (Certif Info ROME codes), main job first.
  it.each([
    ['soudeur', 'H2913'],
    ['Soudeuse', 'H2913'],
    ['développeur web', 'M1805'],
    ['developpeuse web', 'M1805'],
    ['boulanger', 'D1102'],
    ['coiffeur', 'D1202'],
    ['comptable', 'M1203'],
    ['électricien du bâtiment', 'F1602'],
  ])('"%s" is the job %s: its trainings, main job first', (query, code) => {
    const found = results(query);
    const expected = leadsTo(code);
    expect(expected.length).toBeGreaterThan(0);
    expect(engine.search(query).romes).toContain(code);
    // Every training leading to the job is found; titles that hold the words may come first.
    expect(found.map((training) => training.id)).toEqual(expect.arrayContaining(expected.map((training) => training.id)));
    const fromJob = found.filter((training) => (training.romes ?? []).includes(code));
    const firstOther = fromJob.findIndex((training) => training.romes?.[0] !== code);
    const lastMain = fromJob.map((training) => training.romes?.[0] === code).lastIndexOf(true);
    if (firstOther >= 0 && lastMain >= 0) expect(lastMain).toBeLessThan(firstOther + fromJob.filter((training) => title(training).includes(` ${foldText(query)} `)).length + 1);
  });

  // Jobs no training of the map leads to: an empty answer that names the job (the list says why).
  it.each([
    ['aide-soignant', 'J1501'],
    ['aide soignante', 'J1501'],
    ['cariste', 'N1101'],
  ])('"%s" is the job %s, which no training of the map leads to', (query, code) => {
    expect(leadsTo(code)).toEqual([]);
    expect(engine.search(query)).toEqual({ ids: [], romes: [code], via: 'metier' });
    expect(engine.suggestJobs(query)[0]).toMatchObject({ rome: code, trainings: 0 });
  });

  // Typos on long words: the titles that hold the right word, and not a whole domain.
  it.each([
    ['maintenence', / maintenance /],
    ['comptabilte', / comptabilite /],
    ['electrotecnique', / electrotechnique /],
    ['chaudronerie', / chaudronnerie /],
    ['hotelerie', / hotellerie /],
    ['cosmetiqe', / cosmetique /],
    ['menuisrie', / menuiserie /],
    ['logisitque', / logistique /],
  ])('"%s" (a typo) finds the titles with %s, no more than a few others', (query, pattern) => {
    const found = results(query);
    const expected = titled(pattern);
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((training) => training.id)).toEqual(expect.arrayContaining(expected.map((training) => training.id)));
    // Not the whole domain: at most 10 % more than the titles holding the word.
    expect(found.length).toBeLessThanOrEqual(Math.ceil(expected.length * 1.1) + 2);
  });

  // Words people say for a job, not its title: the job whose title begins with them, and nothing a
  // typo away ("mecanicien" is two letters from "technicien", "auto" begins "automatique").
  it('"mecanicien auto" is the car mechanic\'s trainings, no BTS in automation; "infirmiere" the nursing titles', () => {
    const result = engine.search('mecanicien auto');
    expect([result.romes, result.via]).toEqual([['I1604'], 'titres-metiers']);
    expect(results('mecanicien auto').map((training) => training.id).sort()).toEqual(leadsTo('I1604').map((training) => training.id).sort());
    expect(results('mecanicien auto').filter((training) => / (regulation|systemes) automatiques? /.test(title(training)))).toEqual([]);
    expect(engine.suggestJobs('mecanicien').filter((job) => /technicien/i.test(job.appellation))).toEqual([]);
    const nursing = titled(/ infirmier /);
    expect(nursing.length).toBeGreaterThan(10);
    expect(results('infirmiere').map((training) => training.id)).toEqual(expect.arrayContaining(nursing.map((training) => training.id)));
  });

  it('"maintenence" no longer returns the whole industry domain', () => {
    const industry = DATASET.trainings.filter((training) => training.domaine === 'industrie').length;
    expect(results('maintenence').length).toBeLessThan(industry / 2);
  });

  // Acronyms and their full names, both ways.
  it.each([
    ['BTS MCO', / bts management commercial operationnel /],
    ['management commercial opérationnel', / management commercial operationnel /],
    ['CAP AEPE', / cap accompagnant educatif petite enfance /],
    ['accompagnant éducatif petite enfance', / accompagnant educatif petite enfance /],
    ['MELEC', / metiers de l electricite et de ses environnements connectes /],
    ['bac pro ASSP', / accompagnement soins et services a la personne /],
    ['BTS NDRC', / negociation et digitalisation de la relation client /],
    ['BTS SIO', / services informatiques aux organisations /],
    ['BUT GEA', / gestion des entreprises et des administrations /],
    ['brevet de technicien supérieur comptabilité', / bts comptabilite et gestion /],
  ])('"%s" finds every title with %s, ranked first', (query, pattern) => {
    const found = results(query);
    const expected = titled(pattern);
    expect(expected.length).toBeGreaterThan(0);
    expect(found.map((training) => training.id)).toEqual(expect.arrayContaining(expected.map((training) => training.id)));
    // The titles that say it come before anything found otherwise (a job the words name).
    expect(found.slice(0, expected.length).every((training) => pattern.test(title(training)))).toBe(true);
  });

  // Generic words are ignored; a word of the query that no training holds gives nothing.
  it('ignores "formation", "diplôme", "apprentissage", "h/f"', () => {
    expect(results('formation soudure h/f').map((training) => training.id)).toEqual(results('soudure').map((training) => training.id));
    expect(results('diplôme comptabilité').map((training) => training.id)).toEqual(results('comptabilité').map((training) => training.id));
    expect(engine.search('formation en apprentissage').ids).toBeNull();
  });

  it('"soudure": no title holds it, so the trainings of the welding jobs, said as such', () => {
    const result = engine.search('soudure');
    expect(result.via).toBe('titres-metiers');
    expect(result.romes).toContain('H2913');
    expect(results('soudure').every((training) => (training.romes ?? []).some((code) => result.romes.includes(code)))).toBe(true);
    // Nothing unrelated: no accounting or sales training.
    expect(results('soudure').some((training) => /comptab|commerc/.test(title(training)))).toBe(false);
  });

  it('finds communes and training bodies, and never by domain label alone', () => {
    const lens = results('lens');
    expect(lens.length).toBeGreaterThan(10);
    // "industrie" is a domain label: only titles and bodies that say it, not every industry training.
    const industry = DATASET.trainings.filter((training) => training.domaine === 'industrie').length;
    expect(results('industrie').length).toBeLessThan(industry);
    expect(results('titre professionnel')).toEqual([]);
    expect(results('zzqxw')).toEqual([]);
  });
});
