// The default help center: three locales, two categories. See README "Configuration".
import { defineConfig } from './src/config/define-config.js';

export default defineConfig({
  title: {
    'co-es': 'Centro de ayuda de Ooma Office',
    'us-en': 'Ooma Office Help Center',
    'fr-fr': 'Centre d’aide Ooma Office',
  },
  url: 'https://help.example.com',
  baseurl: '',
  // Jekyll's rules: with this style, co/es/a.md is served at /co/es/a (written as co/es/a.html).
  permalink: '/:categories/:title',
  defaultLocale: 'us-en',
  locales: {
    'us-en': { lang: 'en-US', path: 'us/en', label: 'English', country: 'United States' },
    'co-es': { lang: 'es-CO', path: 'co/es', label: 'Español', country: 'Colombia' },
    'fr-fr': { lang: 'fr-FR', path: 'fr/fr', label: 'Français', country: 'France' },
  },
  categories: {
    wework: {
      title: { 'us-en': 'Ooma Office for WeWork', 'co-es': 'Ooma Office para WeWork', 'fr-fr': 'Ooma Office pour WeWork' },
      description: {
        'us-en': 'Set up and manage your office phone system.',
        'co-es': 'Configura y administra el sistema telefónico de tu oficina.',
        'fr-fr': 'Configurez et gérez la téléphonie de votre bureau.',
      },
    },
    billing: {
      title: { 'us-en': 'Billing', 'co-es': 'Facturación', 'fr-fr': 'Facturation' },
      description: {
        'us-en': 'Statements, charges and payment methods.',
        'co-es': 'Facturas, cargos y medios de pago.',
        'fr-fr': 'Factures, frais et moyens de paiement.',
      },
    },
  },
  site: {
    office_link: {
      co: 'https://office.ooma.com.co',
      us: 'https://office.ooma.com',
      fr: 'https://office.ooma.fr',
    },
    support_email: 'support@example.com',
  },
});
