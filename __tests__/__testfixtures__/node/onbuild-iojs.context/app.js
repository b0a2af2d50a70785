console.log('io');
