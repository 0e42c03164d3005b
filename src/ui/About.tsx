/** "Confidentialité" and "Déclaration d'accessibilité": what the app does with people's data, and what it covers. */
export function About() {
  return (
    <>
      <details class="about" data-testid="confidentialite">
        <summary>Confidentialité</summary>
        <p>
          Rien de ce que vous tapez, ni votre position, ni les fichiers que vous ouvrez ne quittent votre navigateur : la carte fonctionne avec ses propres fichiers et ne fait
          aucune requête vers un service tiers par défaut. Seul le « Plan détaillé », si vous l'activez, demande ses images à l'IGN (data.geopf.fr), ce qui lui indique la zone regardée ; ce choix reste sur cet appareil et n'est jamais mis dans un lien. Une position (géolocalisation ou clic) est arrondie à environ 100 m et n'est écrite que dans la partie du lien après « # », que
          les navigateurs n'envoient jamais au serveur ; la note du conseiller et les formations épinglées aussi. Le lien « Itinéraire » ouvre OpenStreetMap seulement si vous le
          suivez. Aucun cookie, aucune mesure d'audience.
        </p>
      </details>
      <details class="about" data-testid="accessibilite">
        <summary>Déclaration d'accessibilité</summary>
        <p>
          Visée : le RGAA 4.1, niveau AA. Vérifié à chaque version par des tests automatiques dans Chromium : axe-core sans violation sur les vues principales (carte, filtres,
          liste, fiches de lieu et de territoire, comparaison, panneaux de partage et de couverture), parcours au clavier avec de vraies tabulations (liens d'évitement,
          filtres, liste, fiches, choix d'une zone), contrastes AA, noms accessibles des contrôles, animations de la carte désactivées si vous demandez moins de mouvement.
        </p>
        <p>
          Ce qui n'est pas couvert : la carte elle-même est une image pour les lecteurs d'écran ; tout ce qu'elle montre est aussi dans les listes (lieux, organismes,
          zones, écoles, campus) et les tableaux (indicateurs). Les couleurs des cartes thématiques ne sont jamais le seul repère (légende chiffrée, tableau). Aucun audit
          manuel par un expert ni test avec des utilisateurs de technologies d'assistance n'a encore été fait : signalez tout problème sur le dépôt du projet.
        </p>
      </details>
    </>
  );
}
